package io.jawait.engine;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.MethodSnippet;

/** Short names for snippets in messages: {@code method boom()}, {@code record Point}, {@code variable x}. */
final class Describe {
    private Describe() {}

    static String declaration(DeclarationSnippet snippet) {
        String kind = switch (snippet.kind()) {
            case METHOD -> "method";
            case TYPE_DECL -> switch (snippet.subKind()) {
                case INTERFACE_SUBKIND -> "interface";
                case ENUM_SUBKIND -> "enum";
                case RECORD_SUBKIND -> "record";
                case ANNOTATION_TYPE_SUBKIND -> "annotation interface";
                default -> "class";
            };
            case VAR -> "variable";
            default -> "declaration";
        };
        String name = snippet instanceof MethodSnippet m ? m.name() + "(" + m.parameterTypes() + ")" : snippet.name();
        return kind + " " + name;
    }

    /** A note for a declaration JShell accepted although it refers to things not declared yet. */
    static String pendingNote(DeclarationSnippet snippet, String missing) {
        return "note: " + declaration(snippet) + " was defined, but cannot be used until "
                + missing + " is declared\n";
    }
}
