package org.alor.clip;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A data-only Python unpickler. It understands the pickle opcodes (protocols 0–5) needed for plain containers,
 * numbers and strings, and resolves {@code GLOBAL}s only from an explicit allow-list; every call
 * ({@code REDUCE}) is handed to a {@link Reducer} that builds data for the allowed globals. Nothing from the
 * pickle is ever executed: an unknown global, {@code INST}/{@code OBJ}/{@code NEWOBJ}, extension codes or
 * out-of-band buffers abort loading with a {@link CheckpointException} naming the source and the offender.
 *
 * <p>Values: Python str → String, int → Long (or BigInteger), float → Double, bool → Boolean, None → null,
 * bytes → byte[], list → List, tuple → {@link Tuple}, dict → LinkedHashMap, allowed global → {@link Global}.
 */
final class RestrictedUnpickler {
    record Global(String module, String name) {
        String qualified() {
            return module + "." + name;
        }
    }

    record Tuple(List<Object> items) {
        Object get(int i) {
            return items.get(i);
        }

        int size() {
            return items.size();
        }
    }

    interface Reducer {
        Object reduce(Global callable, Tuple args) throws CheckpointException;
    }

    interface PersistentLoader {
        Object load(Object pid) throws CheckpointException;
    }

    private static final Object MARK = new Object();
    private static final int MAX_DEPTH = 1_000_000;

    private final byte[] data;
    private final String source;
    private final Set<String> allowedGlobals;
    private final Reducer reducer;
    private final PersistentLoader persistentLoader;
    private final ByteBuffer le;
    private int pos;
    private final List<Object> stack = new ArrayList<>();
    private final List<Integer> marks = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();

    RestrictedUnpickler(byte[] data, String source, Set<String> allowedGlobals, Reducer reducer,
                        PersistentLoader persistentLoader) {
        this.data = data;
        this.source = source;
        this.allowedGlobals = new HashSet<>(allowedGlobals);
        this.reducer = reducer;
        this.persistentLoader = persistentLoader;
        this.le = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    }

    Object load() throws CheckpointException {
        try {
            return run();
        } catch (CheckpointException e) {
            throw e;
        } catch (RuntimeException e) {
            throw malformed("at byte " + pos + ": " + e);
        }
    }

    private Object run() throws CheckpointException {
        while (true) {
            if (pos >= data.length) throw malformed("ends without a STOP opcode");
            int opPos = pos;
            int op = data[pos++] & 0xff;
            switch (op) {
                case 0x80 -> pos++;                                      // PROTO
                case 0x95 -> need(8);                                     // FRAME (length is advisory)
                case '.' -> {                                             // STOP
                    return pop();
                }
                case '(' -> marks.add(stack.size());                      // MARK
                case '0' -> pop();                                        // POP
                case '1' -> popMark();                                    // POP_MARK
                case '2' -> push(peek());                                 // DUP
                case 'N' -> push(null);
                case 0x88 -> push(Boolean.TRUE);
                case 0x89 -> push(Boolean.FALSE);
                case 'J' -> push((long) le.getInt(need(4)));              // BININT
                case 'K' -> push((long) (data[need(1)] & 0xff));          // BININT1
                case 'M' -> push((long) (le.getShort(need(2)) & 0xffff)); // BININT2
                case 0x8a -> push(longN(data[need(1)] & 0xff));           // LONG1
                case 0x8b -> push(longN(checkedLen(le.getInt(need(4))))); // LONG4
                case 'I' -> push(parseIntLine(line()));                   // INT
                case 'L' -> push(parseLongLine(line()));                  // LONG
                case 'G' -> push(ByteBuffer.wrap(data, need(8), 8).getDouble()); // BINFLOAT (big-endian)
                case 'F' -> push(Double.parseDouble(line()));             // FLOAT
                case 'X' -> push(utf8(checkedLen(le.getInt(need(4)))));  // BINUNICODE
                case 0x8c -> push(utf8(data[need(1)] & 0xff));            // SHORT_BINUNICODE
                case 0x8d -> push(utf8(checkedLen(le.getLong(need(8))))); // BINUNICODE8
                case 'V' -> push(line());                                 // UNICODE (ASCII subset)
                case 'T' -> push(latin1(checkedLen(le.getInt(need(4))))); // BINSTRING
                case 'U' -> push(latin1(data[need(1)] & 0xff));           // SHORT_BINSTRING
                case 'S' -> push(unquote(line()));                        // STRING
                case 'B' -> push(bytes(checkedLen(le.getInt(need(4)))));  // BINBYTES
                case 'C' -> push(bytes(data[need(1)] & 0xff));            // SHORT_BINBYTES
                case 0x8e, 0x96 -> push(bytes(checkedLen(le.getLong(need(8))))); // BINBYTES8, BYTEARRAY8
                case '}' -> push(new LinkedHashMap<Object, Object>());    // EMPTY_DICT
                case ']' -> push(new ArrayList<>());                      // EMPTY_LIST
                case ')' -> push(new Tuple(List.of()));                   // EMPTY_TUPLE
                case 0x8f -> push(new ArrayList<>());                     // EMPTY_SET (kept as a list)
                case 'd' -> push(toDict(popMark()));                      // DICT
                case 'l', 0x91 -> push(new ArrayList<>(popMark()));       // LIST, FROZENSET
                case 't' -> push(new Tuple(popMark()));                   // TUPLE
                case 0x85 -> push(tupleOf(1));
                case 0x86 -> push(tupleOf(2));
                case 0x87 -> push(tupleOf(3));
                case 's' -> {                                             // SETITEM
                    Object v = pop();
                    Object k = pop();
                    dict(peek()).put(k, v);
                }
                case 'u' -> {                                             // SETITEMS
                    List<Object> kv = popMark();
                    Map<Object, Object> d = dict(peek());
                    for (int i = 0; i + 1 < kv.size(); i += 2) d.put(kv.get(i), kv.get(i + 1));
                }
                case 'a' -> {                                             // APPEND
                    Object v = pop();
                    list(peek()).add(v);
                }
                case 'e', 0x90 -> {                                       // APPENDS, ADDITEMS
                    List<Object> items = popMark();
                    list(peek()).addAll(items);
                }
                case 'q' -> memo.put((long) (data[need(1)] & 0xff), peek());          // BINPUT
                case 'r' -> memo.put(le.getInt(need(4)) & 0xffffffffL, peek());       // LONG_BINPUT
                case 'p' -> memo.put(Long.parseLong(line()), peek());                  // PUT
                case 0x94 -> memo.put((long) memo.size(), peek());                     // MEMOIZE
                case 'h' -> push(memoGet(data[need(1)] & 0xff));                       // BINGET
                case 'j' -> push(memoGet(le.getInt(need(4)) & 0xffffffffL));           // LONG_BINGET
                case 'g' -> push(memoGet(Long.parseLong(line())));                     // GET
                case 'c' -> {                                             // GLOBAL
                    String module = line();
                    String name = line();
                    push(global(module, name));
                }
                case 0x93 -> {                                            // STACK_GLOBAL
                    Object name = pop();
                    Object module = pop();
                    if (!(module instanceof String m) || !(name instanceof String n)) {
                        throw malformed("STACK_GLOBAL with non-string operands");
                    }
                    push(global(m, n));
                }
                case 'R' -> {                                             // REDUCE
                    Object args = pop();
                    Object callable = pop();
                    if (!(callable instanceof Global g)) {
                        throw refused("a call on a non-global object (" + describe(callable) + ")");
                    }
                    if (!(args instanceof Tuple t)) throw malformed("REDUCE arguments are not a tuple");
                    push(reducer.reduce(g, t));
                }
                case 'b' -> {                                             // BUILD
                    Object state = pop();
                    Object target = peek();
                    if (!(target instanceof Map)) {
                        throw refused("setting the state of " + describe(target) + " (BUILD)");
                    }
                    // e.g. the _metadata attribute of a state_dict OrderedDict: not needed, dropped
                }
                case 'Q' -> push(persistentLoader.load(pop()));          // BINPERSID
                case 'P' -> push(persistentLoader.load(line()));         // PERSID
                case 'i' -> {                                             // INST
                    String module = line();
                    String name = line();
                    throw refused("instantiating class '" + module + "." + name + "' (INST)");
                }
                case 'o' -> {                                             // OBJ
                    List<Object> items = popMark();
                    throw refused("instantiating " + describe(items.isEmpty() ? null : items.get(0)) + " (OBJ)");
                }
                case 0x81, 0x92 -> {                                      // NEWOBJ, NEWOBJ_EX
                    if (op == 0x92) pop();
                    pop();
                    throw refused("instantiating " + describe(pop()) + " (NEWOBJ)");
                }
                case 0x82, 0x83, 0x84 -> throw refused("an extension-registry object (EXT opcode)");
                case 0x97, 0x98 -> throw refused("out-of-band buffers (NEXT_BUFFER/READONLY_BUFFER)");
                default -> throw malformed(String.format("unknown opcode 0x%02x at byte %d", op, opPos));
            }
        }
    }

    private Object global(String module, String name) throws CheckpointException {
        String q = module + "." + name;
        if (!allowedGlobals.contains(q)) {
            throw new CheckpointException("refused to load " + source + ": its pickle asks for the Python global '"
                    + q + "', which a plain tensor state dict never needs. Only tensor-rebuilding globals are"
                    + " accepted; nothing in the file was executed.");
        }
        return new Global(module, name);
    }

    private CheckpointException refused(String what) {
        return new CheckpointException("refused to load " + source + ": its pickle asks for " + what
                + ", which a plain tensor state dict never needs; nothing in the file was executed.");
    }

    private CheckpointException malformed(String what) {
        return new CheckpointException("cannot read " + source + ": malformed pickle (" + what + ")");
    }

    private static String describe(Object o) {
        if (o instanceof Global g) return "'" + g.qualified() + "'";
        return o == null ? "None" : "a " + o.getClass().getSimpleName();
    }

    private int need(int n) throws CheckpointException {
        if (n < 0 || pos + n > data.length || pos + n < 0) throw malformed("truncated at byte " + pos);
        int at = pos;
        pos += n;
        return at;
    }

    private int checkedLen(long n) throws CheckpointException {
        if (n < 0 || n > data.length - pos) throw malformed("length " + n + " at byte " + pos + " exceeds the data");
        return (int) n;
    }

    private String utf8(int n) throws CheckpointException {
        int at = need(n);
        return new String(data, at, n, StandardCharsets.UTF_8);
    }

    private String latin1(int n) throws CheckpointException {
        int at = need(n);
        return new String(data, at, n, StandardCharsets.ISO_8859_1);
    }

    private byte[] bytes(int n) throws CheckpointException {
        int at = need(n);
        byte[] b = new byte[n];
        System.arraycopy(data, at, b, 0, n);
        return b;
    }

    private String line() throws CheckpointException {
        int start = pos;
        while (pos < data.length && data[pos] != '\n') pos++;
        if (pos >= data.length) throw malformed("unterminated text operand at byte " + start);
        String s = new String(data, start, pos - start, StandardCharsets.UTF_8);
        pos++;
        return s;
    }

    private Object longN(int n) throws CheckpointException {
        int at = need(n);
        if (n == 0) return 0L;
        byte[] be = new byte[n];
        for (int i = 0; i < n; i++) be[i] = data[at + n - 1 - i];
        BigInteger v = new BigInteger(be);
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
    }

    private static Object parseIntLine(String s) {
        if (s.equals("01")) return Boolean.TRUE;
        if (s.equals("00")) return Boolean.FALSE;
        return Long.parseLong(s);
    }

    private static Object parseLongLine(String s) {
        BigInteger v = new BigInteger(s.endsWith("L") ? s.substring(0, s.length() - 1) : s);
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
    }

    private String unquote(String s) throws CheckpointException {
        if (s.length() >= 2 && (s.charAt(0) == '\'' || s.charAt(0) == '"') && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1);
        }
        throw malformed("bad STRING operand");
    }

    private void push(Object o) throws CheckpointException {
        if (stack.size() >= MAX_DEPTH) throw malformed("stack too deep");
        stack.add(o);
    }

    private Object pop() throws CheckpointException {
        if (stack.isEmpty() || (!marks.isEmpty() && stack.size() <= marks.get(marks.size() - 1))) {
            throw malformed("stack underflow at byte " + pos);
        }
        return stack.remove(stack.size() - 1);
    }

    private Object peek() throws CheckpointException {
        if (stack.isEmpty()) throw malformed("stack underflow at byte " + pos);
        return stack.get(stack.size() - 1);
    }

    private List<Object> popMark() throws CheckpointException {
        if (marks.isEmpty()) throw malformed("no MARK at byte " + pos);
        int m = marks.remove(marks.size() - 1);
        List<Object> items = new ArrayList<>(stack.subList(m, stack.size()));
        stack.subList(m, stack.size()).clear();
        return items;
    }

    private Tuple tupleOf(int n) throws CheckpointException {
        Object[] items = new Object[n];
        for (int i = n - 1; i >= 0; i--) items[i] = pop();
        return new Tuple(java.util.Arrays.asList(items));
    }

    private Object memoGet(long key) throws CheckpointException {
        if (!memo.containsKey(key)) throw malformed("memo key " + key + " used before it was set");
        return memo.get(key);
    }

    private Map<Object, Object> toDict(List<Object> kv) {
        Map<Object, Object> d = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.size(); i += 2) d.put(kv.get(i), kv.get(i + 1));
        return d;
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> dict(Object o) throws CheckpointException {
        if (o instanceof Map) return (Map<Object, Object>) o;
        throw malformed("SETITEM on " + describe(o));
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(Object o) throws CheckpointException {
        if (o instanceof List) return (List<Object>) o;
        throw malformed("APPEND on " + describe(o));
    }
}
