package io.jawait.magic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * {@code %maven group:artifact:version ...}: resolves each artifact with its runtime dependencies from Maven
 * Central (plus {@code -r URL} repositories) through Maven's own resolver, caches them in the local
 * repository, and adds every jar to the classpath of later cells.
 */
final class MavenMagic implements Magic {
    private static final String CENTRAL = "https://repo.maven.apache.org/maven2/";
    private final Path localRepository;
    private RepositorySystem system;

    MavenMagic(Path localRepository) {
        this.localRepository = localRepository;
    }

    @Override
    public Evaluation run(Invocation call, MagicContext ctx) throws CellException {
        List<RemoteRepository> repos = new ArrayList<>();
        List<String> coords = new ArrayList<>();
        parse(call, repos, coords);
        List<Path> jars = new ArrayList<>();
        for (String c : coords) {
            for (Path jar : resolve(call, c, repos)) {
                if (!jars.contains(jar)) {
                    jars.add(jar);
                }
            }
        }
        for (Path jar : jars) {
            ctx.addToClasspath(jar);
        }
        ctx.out().stdout("Added " + jars.size() + " jar" + (jars.size() == 1 ? "" : "s") + " to the classpath: "
                + String.join(", ", jars.stream().map(p -> p.getFileName().toString()).toList()) + "\n");
        return null;
    }

    private static void parse(Invocation call, List<RemoteRepository> repos, List<String> coords)
            throws CellException {
        String[] words = call.args().strip().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            if (words[i].equals("-r") && i + 1 < words.length) {
                String url = words[++i].contains("://") ? words[i] : UserPaths.of(words[i]).toAbsolutePath().toUri().toString();
                repos.add(new RemoteRepository.Builder("repo" + repos.size(), "default", url).build());
            } else if (words[i].matches("[^:\\s]+:[^:\\s]+(:[^:\\s]+){1,3}")) {
                coords.add(words[i]);
            } else if (!words[i].isEmpty()) {
                throw call.usage("'" + words[i] + "' is not group:artifact:version; usage: "
                        + "%maven [-r REPO_URL] group:artifact:version ...");
            }
        }
        if (coords.isEmpty()) {
            throw call.usage("give one or more group:artifact:version, e.g. %maven com.google.code.gson:gson:2.11.0");
        }
        repos.add(new RemoteRepository.Builder("central", "default", CENTRAL).build());
    }

    private List<Path> resolve(Invocation call, String coords, List<RemoteRepository> repos) throws CellException {
        RepositorySystem sys = system();
        DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
        session.setSystemProperties(System.getProperties());
        session.setLocalRepositoryManager(sys.newLocalRepositoryManager(session,
                new LocalRepository(localRepository.toFile())));
        try {
            CollectRequest collect = new CollectRequest(
                    new Dependency(new DefaultArtifact(coords), JavaScopes.RUNTIME), repos);
            var request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
            return sys.resolveDependencies(session, request).getArtifactResults().stream()
                    .map(ArtifactResult::getArtifact).map(a -> a.getFile().toPath()).toList();
        } catch (DependencyResolutionException | IllegalArgumentException e) {
            throw new CellException("MavenResolutionError", call.display() + ": cannot resolve " + coords + ": "
                    + rootMessage(e));
        }
    }

    private synchronized RepositorySystem system() {
        if (system == null) {
            system = new RepositorySystemSupplier().get();
        }
        return system;
    }

    private static String rootMessage(Throwable t) {
        String first = t.getMessage();
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return first + (t.getMessage() != null && !first.contains(t.getMessage()) ? " (" + t.getMessage() + ")" : "");
    }
}
