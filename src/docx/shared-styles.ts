import { type BaseXmlComponent, Document, type IContext, type IStylesOptions, type IXmlableObject, XmlAttributeComponent, XmlComponent } from 'docx';

/**
 * A style as the library formats it, formatted once and given as such to every document after:
 * the library formats a document's styles three times (for styles.xml, and to read the heading
 * styles when it fills in the contents and numbers SEQ fields), and the styles of a theme and a
 * language are the same in every document. Overriding prepForXml is how the library lets a
 * component write itself; the formatted object is only read after (written out, searched for styles).
 */
class FormattedOnce extends XmlComponent {
  private formatted: IXmlableObject | undefined;

  // The name is the formatted object's own; the library reads this one only from components it made.
  constructor(private readonly style: BaseXmlComponent) {
    super('w:style');
  }

  override prepForXml(context: IContext): IXmlableObject | undefined {
    return (this.formatted ??= this.style.prepForXml(context));
  }
}

/** The styles by their options (a theme's, in a language), made once per thread. */
const made = new Map<string, XmlComponent[]>();

/**
 * Styles options that give a document the same styles as `options` (the library's defaults with the
 * theme's changes, then the theme's own styles, in the library's order), each formatted once per
 * thread: `importedStyles` take the place of the defaults the library would make again. The list is
 * the library's own, read from a document made with `options` (its styles' children; the first, the
 * element's namespaces, every document makes for itself).
 */
export function sharedStyles(options: IStylesOptions): IStylesOptions {
  const key = JSON.stringify(options);
  let styles = made.get(key);
  if (!styles) {
    const children = (new Document({ sections: [], styles: options }).Styles as unknown as { root: BaseXmlComponent[] }).root;
    styles = children.filter((child) => !(child instanceof XmlAttributeComponent)).map((child) => new FormattedOnce(child));
    made.set(key, styles);
  }
  return { importedStyles: styles };
}
