package org.alor.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One writer per project: an OS lock on {@code <project>/writer.lock}, held from a session's first write (or an
 * explicit {@link ProjectStore#lockForWriting}) until its store closes, with who holds it (pid, host, command,
 * since) written into the file for the message a second writer gets. The OS drops the lock when the holder dies,
 * so a killed session never leaves the project locked.
 *
 * <p>Locks held by this JVM are also kept in a table: a second store on the same folder is refused from it
 * without opening the file, because closing any descriptor of a file drops the process's POSIX locks on it.
 */
final class WriterLock implements AutoCloseable {
    static final String FILE = "writer.lock";
    /** The locked byte lies past the holder text, so that (on Windows too) the text stays readable. */
    private static final long LOCKED_BYTE = 1L << 30;
    private static final Map<Path, String> HELD_HERE = new ConcurrentHashMap<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private WriterLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the project's writer lock or fails naming the session that holds it. */
    static WriterLock acquire(Path projectDir) {
        Path file = key(projectDir.resolve(FILE));
        String me = describeThisSession();
        String here = HELD_HERE.putIfAbsent(file, me);
        if (here != null) throw refused(projectDir, here + ", in this same process");
        FileChannel ch = null;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock(LOCKED_BYTE, 1, false);
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String holder = readHolder(ch);
                ch.close();
                HELD_HERE.remove(file);
                throw refused(projectDir, holder);
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(false);
            return new WriterLock(file, ch, lock);
        } catch (IOException e) {
            closeQuietly(ch);
            HELD_HERE.remove(file);
            throw new StoreException(file + ": cannot take the project's writer lock (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            if (!(e instanceof StoreException)) {
                closeQuietly(ch);
                HELD_HERE.remove(file);
            }
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // closing the channel releases the lock in any case
        } finally {
            HELD_HERE.remove(file);
        }
    }

    private static StoreException refused(Path projectDir, String holder) {
        return new StoreException(projectDir + ": another ALOR session is writing this project (" + holder
                + "); wait for it to finish or close it, then try again (reading commands such as info, status and"
                + " export still work)");
    }

    private static String readHolder(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1024);
        ch.read(buf, 0);
        String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "holder unknown" : text;
    }

    private static String describeThisSession() {
        String host = System.getenv().getOrDefault("HOSTNAME", System.getenv().getOrDefault("COMPUTERNAME", ""));
        if (host.isBlank()) {
            try {
                host = Files.readString(Path.of("/etc/hostname")).strip(); // no DNS lookup: it can hang
            } catch (IOException | RuntimeException e) {
                host = "unknown host";
            }
        }
        String command = System.getProperty("sun.java.command", "java").replace('\n', ' ');
        if (command.length() > 200) command = command.substring(0, 200) + "…";
        return "pid " + ProcessHandle.current().pid() + " on " + host + ", " + command + ", since " + Instant.now();
    }

    private static Path key(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        try {
            return abs.getParent().toRealPath().resolve(abs.getFileName());
        } catch (IOException e) {
            return abs;
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch == null) return;
        try {
            ch.close();
        } catch (IOException ignored) {
            // already failing
        }
    }
}
