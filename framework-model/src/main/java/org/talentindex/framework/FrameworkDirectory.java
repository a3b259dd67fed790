package org.talentindex.framework;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The framework definitions of a directory, read again whenever a file in it (or in its {@code regions/}) changes: a
 * user adds or edits a framework without a restart. A directory that no longer loads as a whole is refused, with every
 * problem, and the catalogue in force stays as it was.
 */
public final class FrameworkDirectory implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(FrameworkDirectory.class.getName());

    /** Changes closer together than this are read as one (an editor writes a file in several steps). */
    private static final Duration SETTLE = Duration.ofMillis(300);

    private final Path directory;
    private final Consumer<FrameworkCatalogue> onLoaded;
    private final Consumer<FrameworkCatalogueException> onRefused;
    private final WatchService watcher;
    private final Thread thread;
    private volatile FrameworkCatalogue current;

    private FrameworkDirectory(Path directory, Consumer<FrameworkCatalogue> onLoaded, Consumer<FrameworkCatalogueException> onRefused) {
        this.directory = directory;
        this.onLoaded = onLoaded;
        this.onRefused = onRefused;
        this.current = FrameworkCatalogue.load(directory);
        try {
            watcher = directory.getFileSystem().newWatchService();
            register(directory);
            register(directory.resolve("regions"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot watch " + directory.toAbsolutePath(), e);
        }
        thread = new Thread(this::watch, "framework-directory-watch");
        thread.setDaemon(true);
    }

    /** As {@link #watch(Path, Consumer, Consumer)}, a refusal logged as an error. */
    public static FrameworkDirectory watch(Path directory, Consumer<FrameworkCatalogue> onLoaded) {
        return watch(directory, onLoaded, refused -> LOG.log(System.Logger.Level.ERROR,
                refused.getMessage() + "\nThe framework definitions in force stay as they were."));
    }

    /**
     * Loads the directory (a refusal here is thrown: a service does not start on definitions it cannot use), hands the
     * catalogue to {@code onLoaded}, then watches: each later catalogue goes to {@code onLoaded}, each refusal to
     * {@code onRefused}.
     */
    public static FrameworkDirectory watch(Path directory, Consumer<FrameworkCatalogue> onLoaded,
                                           Consumer<FrameworkCatalogueException> onRefused) {
        FrameworkDirectory watched = new FrameworkDirectory(directory, onLoaded, onRefused);
        onLoaded.accept(watched.current);
        watched.thread.start();
        return watched;
    }

    public FrameworkCatalogue current() {
        return current;
    }

    private void register(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        }
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                drain(key);
                for (WatchKey more = watcher.poll(SETTLE.toMillis(), TimeUnit.MILLISECONDS); more != null;
                     more = watcher.poll(SETTLE.toMillis(), TimeUnit.MILLISECONDS)) {
                    drain(more);
                }
                reload();
            }
        } catch (InterruptedException | ClosedWatchServiceException stopped) {
            // closed
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    private void reload() {
        try {
            register(directory.resolve("regions"));
            FrameworkCatalogue loaded = FrameworkCatalogue.load(directory);
            current = loaded;
            onLoaded.accept(loaded);
        } catch (FrameworkCatalogueException e) {
            onRefused.accept(e);
        } catch (IOException | RuntimeException e) {
            onRefused.accept(new FrameworkCatalogueException(directory, List.of(String.valueOf(e.getMessage()))));
        }
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread.interrupt();
    }
}
