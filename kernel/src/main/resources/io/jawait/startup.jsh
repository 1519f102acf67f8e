// What every jawait cell can use without an import.
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
import java.time.*;
import java.util.stream.*;
import java.util.function.*;
import java.io.*;
import java.nio.file.*;
import static io.jawait.display.Display.*;
import io.jawait.display.*;
// The await helpers (io.jawait.async); if a build lacks them these two lines are skipped at start-up.
import static io.jawait.async.Async.*;
import io.jawait.async.*;
