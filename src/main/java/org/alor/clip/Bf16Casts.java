package org.alor.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Casts between float32 and bfloat16 that autograd differentiates. DJL 0.36's native library maps only DJL's first
 * nine data types to libtorch's, so {@code NDArray.toType(BFLOAT16)} aborts the JVM; a two-line TorchScript module run
 * through DJL's module call (with gradients recorded) does the cast instead. The modules are written here as
 * TorchScript archives (source code, no weights) and loaded once per process. A bf16 array reports
 * {@link DataType#UNKNOWN} to DJL, so DJL calls that pass a data type to libtorch (softmax, sums with a type, toType)
 * must only see float32 arrays.
 */
final class Bf16Casts {
    private static final int BF16 = 15; // c10::ScalarType::BFloat16
    private static final int FLOAT = 6; // c10::ScalarType::Float
    private static volatile Bf16Casts instance;

    private final PtSymbolBlock toBf16;
    private final PtSymbolBlock toFloat;

    private Bf16Casts(PtNDManager manager) {
        toBf16 = load(manager, "ToBf16", BF16);
        toFloat = load(manager, "ToF32", FLOAT);
    }

    static Bf16Casts get() {
        Bf16Casts c = instance;
        if (c == null) {
            synchronized (Bf16Casts.class) {
                c = instance;
                if (c == null) {
                    // the process-wide base manager: the modules live as long as the engine
                    instance = c = new Bf16Casts((PtNDManager) NDManager.newBaseManager("PyTorch"));
                }
            }
        }
        return c;
    }

    /** True for an array this class made bf16 (DJL cannot name the type). */
    static boolean isBf16(NDArray x) {
        DataType t = x.getDataType();
        return t == DataType.UNKNOWN || t == DataType.BFLOAT16;
    }

    /** x in bfloat16 on {@code owner} (the batch's manager: a parameter's cast must not land on the model's). */
    NDArray bf16(NDArray x, NDManager owner) {
        return isBf16(x) ? x : run(toBf16, x, owner);
    }

    NDArray float32(NDArray x) {
        return isBf16(x) ? run(toFloat, x, x.getManager()) : x;
    }

    private static NDArray run(PtSymbolBlock module, NDArray x, NDManager owner) {
        NDArray in = x;
        if (x.getName() != null || x.getManager() != owner) {
            // DJL passes a named array ("visual.proj") as a dict entry, and a module's output lands on its input's
            // manager: an unnamed view on the owner avoids both (reshape to the same shape copies nothing)
            in = x.reshape(x.getShape());
            in.attach(owner);
        }
        // isTrain = true: the call records the cast for backward when x requires a gradient
        return IValueUtils.forward(module, new NDList(in), true).head();
    }

    private static PtSymbolBlock load(PtNDManager manager, String name, int scalarType) {
        try {
            return JniUtils.loadModule(manager, new ByteArrayInputStream(archive(name, scalarType)), true, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the bf16 cast module " + name, e);
        }
    }

    /** A TorchScript archive of {@code class name(Module): forward(x) = torch.to(x, scalarType)}. */
    static byte[] archive(String name, int scalarType) throws IOException {
        String code = "class " + name + "(Module):\n"
                + "  __parameters__ = []\n"
                + "  __buffers__ = []\n"
                + "  training : bool\n"
                + "  def forward(self: __torch__." + name + ",\n"
                + "    x: Tensor) -> Tensor:\n"
                + "    return torch.to(x, " + scalarType + ")\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, name + "/data.pkl", modulePickle(name));
            put(zip, name + "/code/__torch__.py", code.getBytes(StandardCharsets.UTF_8));
            put(zip, name + "/constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'}); // protocol 2, empty tuple
            put(zip, name + "/version", "3\n".getBytes(StandardCharsets.US_ASCII));
        }
        return bytes.toByteArray();
    }

    /** Pickle of {@code __torch__.<name>} built with state {training: True}. */
    private static byte[] modulePickle(String name) {
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.write(0x80);
        p.write(2);
        p.writeBytes(("c__torch__\n" + name + "\n").getBytes(StandardCharsets.US_ASCII)); // GLOBAL
        p.write(')'); // EMPTY_TUPLE
        p.write(0x81); // NEWOBJ
        p.write('}'); // EMPTY_DICT
        p.write('X'); // BINUNICODE "training"
        byte[] key = "training".getBytes(StandardCharsets.US_ASCII);
        p.writeBytes(new byte[] {(byte) key.length, 0, 0, 0});
        p.writeBytes(key);
        p.write(0x88); // NEWTRUE
        p.write('s'); // SETITEM
        p.write('b'); // BUILD
        p.write('.'); // STOP
        return p.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }
}
