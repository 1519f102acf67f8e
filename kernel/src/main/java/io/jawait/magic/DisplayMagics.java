package io.jawait.magic;

import io.jawait.display.MimeBundle;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * {@code %%html}, {@code %%markdown}, {@code %%latex}, {@code %%svg} and {@code %%javascript} ({@code %%js}), as
 * IPython's display magics: the cell's body is shown as that kind of output, not run. The plain-text fallback is
 * IPython's, so a notebook converted to text reads the same whichever kernel made it.
 */
final class DisplayMagics {
    private DisplayMagics() {}

    /** {@code %%html [--isolated]}: the body as HTML; isolated asks the front end for an iframe of its own. */
    static Evaluation html(Invocation call, MagicContext ctx) throws CellException {
        boolean isolated = switch (call.args()) {
            case "" -> false;
            case "--isolated" -> true;
            default -> throw call.usage("unrecognized arguments: " + call.args() + " (the one option is --isolated)");
        };
        MimeBundle html = bundle("text/html", call.body(), "HTML");
        if (isolated) {
            html = new MimeBundle(html.data(), Map.of("text/html", Map.of("isolated", true)));
        }
        ctx.out().display(html, null, false);
        return null;
    }

    static Evaluation markdown(Invocation call, MagicContext ctx) throws CellException {
        return show(call, ctx, "text/markdown", call.body(), "Markdown");
    }

    static Evaluation latex(Invocation call, MagicContext ctx) throws CellException {
        return show(call, ctx, "text/latex", call.body(), "Latex");
    }

    static Evaluation javascript(Invocation call, MagicContext ctx) throws CellException {
        return show(call, ctx, "application/javascript", call.body(), "Javascript");
    }

    /** {@code %%svg}: the body's {@code <svg>} element (a prolog or doctype before it is dropped), as IPython's. */
    static Evaluation svg(Invocation call, MagicContext ctx) throws CellException {
        return show(call, ctx, "image/svg+xml", svgElement(call, call.body()), "SVG");
    }

    private static Evaluation show(Invocation call, MagicContext ctx, String mimeType, String body, String kind)
            throws CellException {
        if (!call.args().isEmpty()) {
            throw call.usage("takes no arguments, only the cell's body (got '" + call.args() + "')");
        }
        ctx.out().display(bundle(mimeType, body, kind), null, false);
        return null;
    }

    /** The body as IPython's cell magics get it, ending with a newline, and IPython's plain text for it. */
    private static MimeBundle bundle(String mimeType, String body, String kind) {
        String text = body.isEmpty() || body.endsWith("\n") || mimeType.equals("image/svg+xml") ? body : body + "\n";
        return MimeBundle.of(mimeType, text).with("text/plain", "<IPython.core.display." + kind + " object>");
    }

    /**
     * The first {@code svg} element of {@code text} as XML, or {@code text} itself when it has none (IPython trusts
     * the user there too). Text that is not well-formed XML is refused with the parser's reason. No DTD or entity
     * is fetched: an SVG file's doctype names a URL, and the kernel may have no network.
     */
    static String svgElement(Invocation call, String text) throws CellException {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null); // report through the exception only, not also on the kernel's stderr
            NodeList found = builder.parse(new InputSource(new StringReader(text))).getElementsByTagNameNS("*", "svg");
            if (found.getLength() == 0) {
                return text;
            }
            Node svg = found.item(0);
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(svg), new StreamResult(out));
            return out.toString();
        } catch (org.xml.sax.SAXParseException e) {
            throw call.usage("the body is not well-formed XML: " + e.getMessage() + " (line " + e.getLineNumber()
                    + ", column " + e.getColumnNumber() + ")");
        } catch (Exception e) {
            throw call.usage("cannot read the body as SVG: " + e);
        }
    }
}
