package io.jawait.engine;

import io.jawait.display.MimeBundle;
import io.jawait.magic.JavaSymbols;
import io.jawait.magic.MagicContext;
import io.jawait.magic.MagicRunner;
import io.jawait.protocol.CompleteReply;
import io.jawait.protocol.InspectReply;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Documentation;
import jdk.jshell.VarSnippet;

/**
 * Completion and inspection through JShell's source analysis; magic names go to the magics, and the Java code a
 * magic runs ({@code %time x}, a {@code %%timeit} body) is completed and inspected apart from the magic around it.
 * A magic's file argument ({@code %load scr}) is completed with file names.
 */
final class Completer {
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "continue", "default", "do", "double", "else", "enum", "extends", "final",
            "finally", "float", "for", "if", "implements", "import", "instanceof", "int", "interface", "long",
            "new", "package", "private", "protected", "public", "record", "return", "short", "static", "super",
            "switch", "synchronized", "this", "throw", "throws", "try", "var", "void", "volatile", "while",
            "yield", "true", "false", "null");
    private static final int SIGNATURES_LOOKED_UP = 12;
    /**
     * Object's protected methods, which JShell offers after the dot of a cell class's object although a cell cannot
     * call them there ("clone() has protected access in java.lang.Object"); kept where a class redeclares them.
     */
    private static final Set<String> OBJECT_PROTECTED = Set.of("clone()", "finalize()");

    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final MagicRunner magics;
    private final CellSplitter splitter;
    private final ClassKeys classKeys;
    private final SessionVariables variables;

    Completer(JShell shell, MagicRunner magics, SessionVariables variables) {
        this.shell = shell;
        this.variables = variables;
        this.analysis = shell.sourceCodeAnalysis();
        this.magics = magics;
        this.splitter = new CellSplitter(analysis);
        this.classKeys = ClassKeys.of(shell);
    }

    CompleteReply complete(String code, int cursor) {
        int start = magicStart(code, cursor);
        if (start >= 0) {
            var names = magics.complete(code.substring(start, cursor));
            var types = names.stream().map(n -> new CompleteReply.Completion(n, "magic", "", start, cursor)).toList();
            return new CompleteReply(names, start, cursor, types);
        }
        MagicRunner.FileChoices files = magics.filesAt(code, cursor);
        if (files != null) {
            var types = files.paths().stream()
                    .map(p -> new CompleteReply.Completion(p, "path", "", files.start(), cursor)).toList();
            return new CompleteReply(files.paths(), files.start(), cursor, types);
        }
        MagicRunner.JavaSpan span = magics.javaAt(code, cursor);
        if (span != null) {
            // JShell would read the magic as Java (% as remainder) and suggest nothing for a plain name
            return shifted(completeJava(code.substring(span.start(), span.end()), cursor - span.start()), span.start());
        }
        return completeJava(code, cursor);
    }

    private CompleteReply completeJava(String code, int cursor) {
        int[] anchor = new int[1];
        var suggestions = analysis.completionSuggestions(code, cursor, anchor).stream()
                .filter(s -> !ReplNames.internal(s.continuation())).toList();
        var matches = new LinkedHashSet<String>();
        var variables = new ArrayList<String>();
        addDeclaredEarlierInCell(code, anchor[0], cursor, matches, variables);
        suggestions.stream().filter(SourceCodeAnalysis.Suggestion::matchesType)
                .forEach(s -> matches.add(s.continuation()));
        suggestions.forEach(s -> matches.add(s.continuation()));
        addKeywords(code, anchor[0], cursor, matches);
        shell.variables().forEach(v -> variables.add(v.name()));
        var offered = new ArrayList<String>();
        var types = new ArrayList<CompleteReply.Completion>();
        int looked = 0;
        for (String m : matches) {
            String type = kindOf(m, variables);
            String signature = "";
            boolean objectProtected = OBJECT_PROTECTED.contains(m);
            if (type.equals("method") && (looked++ < SIGNATURES_LOOKED_UP || objectProtected)) {
                // inside the parentheses of a method without parameters: after them there is no call to document
                signature = firstSignature(code.substring(0, anchor[0]) + m,
                        anchor[0] + m.length() - (m.endsWith("()") ? 1 : 0));
            }
            if (objectProtected && signature.contains(" Object." + m.substring(0, m.length() - 1))) {
                continue;
            }
            offered.add(m);
            types.add(new CompleteReply.Completion(m, type, signature, anchor[0], cursor));
        }
        return new CompleteReply(List.copyOf(offered), anchor[0], cursor, types);
    }

    /**
     * Offers, first, the variables and methods that the cell's own statements before the name being typed declare:
     * JShell suggests what it has run and the cell's classes, but not a variable or method of the cell that has
     * not run yet ({@code int count = 3;} then {@code cou}), which IPython does offer. Only for a plain name, not
     * a member after a dot.
     */
    private void addDeclaredEarlierInCell(String code, int start, int cursor, Set<String> matches,
                                          List<String> variables) {
        String prefix = code.substring(start, cursor);
        int before = start - 1;
        while (before >= 0 && Character.isWhitespace(code.charAt(before))) {
            before--;
        }
        boolean name = prefix.isEmpty() || Character.isJavaIdentifierStart(prefix.charAt(0))
                && prefix.chars().allMatch(Character::isJavaIdentifierPart);
        if (!name || before >= 0 && (code.charAt(before) == '.' || code.charAt(before) == ':')) {
            return;
        }
        // the statements before the name; the one it is in is incomplete there, and declares nothing yet
        for (CellSplitter.Unit unit : splitter.split(code.substring(0, start))) {
            for (JavaSyntax.Declared d : JavaSyntax.declarations(unit.source())) {
                if (d.name().startsWith(prefix) && !ReplNames.internal(d.name())) {
                    matches.add(d.method() ? d.name() + (d.parameters() == 0 ? "()" : "(") : d.name());
                    if (!d.method()) {
                        variables.add(d.name());
                    }
                }
            }
        }
    }

    /** {@code reply} for code that starts {@code by} characters into the cell. */
    private static CompleteReply shifted(CompleteReply reply, int by) {
        var types = reply.types().stream().map(c -> new CompleteReply.Completion(c.text(), c.type(), c.signature(),
                c.start() + by, c.end() + by)).toList();
        return new CompleteReply(reply.matches(), reply.cursorStart() + by, reply.cursorEnd() + by, types);
    }

    InspectReply inspect(String code, int cursor, int detailLevel) {
        int start = magicStart(code, cursor);
        MagicRunner.JavaSpan span = start >= 0 ? null : magics.javaAt(code, cursor);
        if (span != null) {
            // the magic's help would hide the docs of the Java it times; IPython also inspects that code alone
            return inspectJava(code.substring(span.start(), span.end()), cursor - span.start(), detailLevel);
        }
        int lineStart = code.lastIndexOf('\n', cursor - 1) + 1;
        int lineEnd = code.indexOf('\n', cursor);
        String line = code.substring(lineStart, lineEnd < 0 ? code.length() : lineEnd);
        boolean onMagicLine = line.stripLeading().startsWith("%");
        if (start >= 0 || onMagicLine || code.stripLeading().startsWith("%%")) {
            int at = start >= 0 ? start : onMagicLine ? lineStart + line.indexOf('%') : code.indexOf('%');
            String help = magics.help(magicName(code, at));
            return help == null ? new InspectReply(false, null) : new InspectReply(true, MimeBundle.of("text/plain", help));
        }
        return inspectJava(withoutMagicLines(code), cursor, detailLevel);
    }

    /**
     * The cell with its line magics blanked, so that the Java between them is read as Java (JShell would take
     * {@code %time x} for a remainder) and every position stays where it was.
     */
    private static String withoutMagicLines(String code) {
        String[] lines = code.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].stripLeading().startsWith("%")) {
                lines[i] = " ".repeat(lines[i].length());
            }
        }
        return String.join("\n", lines);
    }

    private InspectReply inspectJava(String code, int cursor, int detailLevel) {
        List<Documentation> docs = documentation(code, cursor);
        if (docs.isEmpty()) {
            return new InspectReply(false, null);
        }
        String name = dottedNameAt(code, cursor);
        MagicContext.Help variable = variableHelp(name, docs);
        if (variable != null) {
            return new InspectReply(true, MimeBundle.of("text/plain", variable.text(detailLevel > 0)));
        }
        // the cells' sources, parsed, only where they add something: a cell's Javadoc, or the source asked for
        boolean wanted = detailLevel > 0 || docs.stream().allMatch(d -> d.javadoc() == null || d.javadoc().isBlank());
        MagicContext.Help help = described(docs, name.isEmpty() || !wanted ? List.of() : declaredSources(name));
        return new InspectReply(true, MimeBundle.of("text/plain", help.text(detailLevel > 0)));
    }

    /** The name, dots and all ({@code Math.max}), that the cursor is in or just after; empty when none. */
    private static String dottedNameAt(String code, int cursor) {
        int start = Math.min(cursor, code.length());
        while (start > 0 && (Character.isJavaIdentifierPart(code.charAt(start - 1)) || code.charAt(start - 1) == '.')) {
            start--;
        }
        String name = code.substring(start, endOfName(code, cursor));
        return name.replaceAll("^\\.+|\\.+$", "");
    }

    /**
     * JShell documents a method only with the cursor inside its argument list, so also try just past the
     * {@code (} that follows the name under the cursor, or, when none follows, past one put there.
     */
    private List<Documentation> documentation(String code, int cursor) {
        int end = endOfName(code, cursor);
        int paren = end;
        while (paren < code.length() && Character.isWhitespace(code.charAt(paren))) {
            paren++;
        }
        boolean hasParen = paren < code.length() && code.charAt(paren) == '(';
        for (int at : new int[] {cursor, end, hasParen ? paren + 1 : -1}) {
            if (at >= 0) {
                var docs = jshellDocs(code, at, true);
                if (!docs.isEmpty()) {
                    return docs;
                }
            }
        }
        if (hasParen || end == 0 || !Character.isJavaIdentifierPart(code.charAt(end - 1))) {
            return List.of();
        }
        return jshellDocs(code.substring(0, end) + "(" + code.substring(end), end + 1, true);
    }

    /**
     * What the session knows of {@code name}, for {@code name?}, {@code name??} and {@code %pinfo} and its kin:
     * JShell's documentation of it, and the source of each declaration of that name the cells made. Null when the
     * name means nothing here. {@code new Type} gives the type's constructors.
     */
    MagicContext.Help help(String name) {
        boolean constructors = name.startsWith("new ");
        List<Documentation> docs = constructors ? jshellDocs(name + "(", name.length() + 1, true)
                : documentation(name, name.length());
        MagicContext.Help variable = constructors ? null : variableHelp(name, docs);
        if (variable != null) {
            return variable;
        }
        List<String> sources = constructors ? List.of() : declaredSources(name);
        if (docs.isEmpty() && sources.isEmpty()) {
            return null;
        }
        return described(docs, sources);
    }

    /**
     * IPython's page of the object a session variable holds, when {@code name} is one and JShell documented it as
     * a variable ({@code name:Type}; not a local of the same name in the cell); null otherwise. Its type's
     * documentation is that of the class, without type arguments ({@code List} for {@code List<String>}).
     */
    private MagicContext.Help variableHelp(String name, List<Documentation> docs) {
        if (docs.size() != 1 || !docs.getFirst().signature().startsWith(name + ":")) {
            return null;
        }
        VarSnippet v = variables.named(name);
        if (v == null) {
            return null;
        }
        String type = SessionVariables.type(v).replaceAll("<.*>", "");
        MagicContext.Help typeHelp = type.endsWith("]") ? null : help(type);
        String typeDoc = typeHelp == null || typeHelp.entries().isEmpty() ? null : typeHelp.entries().getFirst().doc();
        var entry = new MagicContext.Entry(docs.getFirst().signature(), "");
        return new MagicContext.Help(List.of(entry), List.of(), variables.described(v, typeDoc));
    }

    /**
     * JShell's documentation with the cells' sources of what it documents. JShell gives no Javadoc for a cell's
     * declarations, so their own Javadoc comments stand in when each overload has its source.
     */
    private static MagicContext.Help described(List<Documentation> docs, List<String> sources) {
        boolean ownComments = docs.size() == sources.size()
                && docs.stream().allMatch(d -> d.javadoc() == null || d.javadoc().isBlank());
        var entries = new ArrayList<MagicContext.Entry>();
        for (int i = 0; i < docs.size(); i++) {
            Documentation d = docs.get(i);
            String javadoc = ownComments ? JavadocText.comment(sources.get(i)) : d.javadoc();
            entries.add(new MagicContext.Entry(d.signature(),
                    javadoc == null || javadoc.isBlank() ? "" : JavadocText.plain(javadoc)));
        }
        return new MagicContext.Help(entries, sources);
    }

    /** The source of the methods and classes named {@code name} that the cells declared and still hold. */
    private List<String> declaredSources(String name) {
        String simple = name.substring(name.lastIndexOf('.') + 1);
        String declared = shell.snippets()
                .filter(s -> (s.kind() == Snippet.Kind.METHOD || s.kind() == Snippet.Kind.TYPE_DECL)
                        && s.source().contains(simple) && shell.status(s).isActive())
                .map(Snippet::source)
                .collect(Collectors.joining("\n\n"));
        return declared.isEmpty() ? List.of() : JavaSymbols.extract(declared, List.of(name)).blocks();
    }

    /** JShell's documentation, with the names of rejected and dropped classes forgotten first (see ClassKeys). */
    private List<Documentation> jshellDocs(String code, int cursor, boolean javadoc) {
        if (classKeys != null) {
            classKeys.forgetInactive();
        }
        return analysis.documentation(code, cursor, javadoc);
    }

    private String firstSignature(String code, int cursor) {
        var docs = jshellDocs(code, cursor, false);
        return docs.isEmpty() ? "" : docs.getFirst().signature();
    }

    /** JShell suggests no keywords; offer them where a statement or type may start (not after a dot). */
    private static void addKeywords(String code, int start, int cursor, Set<String> matches) {
        String prefix = code.substring(start, cursor);
        if (prefix.isEmpty() || (start > 0 && code.charAt(start - 1) == '.')) {
            return;
        }
        KEYWORDS.stream().filter(k -> k.startsWith(prefix) && !k.equals(prefix)).sorted().forEach(matches::add);
    }

    private static String kindOf(String continuation, List<String> variables) {
        if (continuation.endsWith("(") || continuation.endsWith("()")) {
            return "method";
        }
        if (KEYWORDS.contains(continuation)) {
            return "keyword";
        }
        if (variables.contains(continuation)) {
            return "variable";
        }
        return Character.isUpperCase(continuation.charAt(0)) ? "class" : "variable";
    }

    /** Inspection asks about the whole name under the cursor, also when the cursor sits at its start. */
    private static int endOfName(String code, int cursor) {
        int i = Math.min(cursor, code.length());
        while (i < code.length() && Character.isJavaIdentifierPart(code.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Where a {@code %name} token under the cursor starts, or -1 when the cursor is not in one. */
    private static int magicStart(String code, int cursor) {
        int i = Math.min(cursor, code.length());
        while (i > 0 && Character.isJavaIdentifierPart(code.charAt(i - 1))) {
            i--;
        }
        while (i > 0 && code.charAt(i - 1) == '%') {
            i--;
        }
        if (i >= code.length() || code.charAt(i) != '%') {
            return -1;
        }
        // '%' is also Java's remainder: a magic stands first on its line, or right after "name ="
        String before = code.substring(code.lastIndexOf('\n', i - 1) + 1, i).stripTrailing();
        boolean binds = before.endsWith("=") && !before.endsWith("==") && !before.endsWith("!=");
        return before.isEmpty() || binds ? i : -1;
    }

    private static String magicName(String code, int start) {
        int end = start;
        while (end < code.length() && (code.charAt(end) == '%' || Character.isJavaIdentifierPart(code.charAt(end)))) {
            end++;
        }
        return code.substring(start, end);
    }
}
