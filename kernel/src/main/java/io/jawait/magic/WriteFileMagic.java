package io.jawait.magic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * {@code %%writefile [-a] FILE}: writes the cell's body to a file, as IPython's does, so that a notebook makes the
 * files its later cells read, {@code %run} or serve, and a reader sees their text in the notebook. The body is
 * written as typed, in UTF-8, ending with a line break; {@code -a} appends instead of replacing. A relative name
 * is taken from the kernel's working directory, the notebook's own.
 */
final class WriteFileMagic implements Magic {
    static final String USAGE = "%%writefile [-a] FILE\n<text>";

    @Override
    public List<String> fileEndings() {
        return List.of();
    }

    @Override
    public Evaluation run(Invocation call, MagicContext ctx) throws CellException {
        Options o = Options.parse(call, call.args(), "", "a");
        String name = UserPaths.expand(ClasspathMagic.unquote(o.rest().strip()));
        if (name.isEmpty()) {
            throw call.usage("give the file to write: " + USAGE.lines().findFirst().orElseThrow());
        }
        Path file = Path.of(name);
        boolean append = o.has('a');
        String said = append ? "Appending to " : Files.exists(file) ? "Overwriting " : "Writing ";
        String body = call.body().isEmpty() || call.body().endsWith("\n") ? call.body() : call.body() + "\n";
        try {
            if (append) {
                Files.writeString(file, body, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } else {
                Files.writeString(file, body, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw call.usage("cannot write " + file.toAbsolutePath() + ": " + ClasspathMagic.reason(e));
        }
        ctx.out().stdout(said + name + "\n");
        return null;
    }
}
