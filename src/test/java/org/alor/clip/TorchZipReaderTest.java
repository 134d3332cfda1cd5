package org.alor.clip;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TorchZipReaderTest {
    static final Path TINY = Path.of("src/test/resources/fixtures/clip-tiny");

    @TempDir
    Path tmp;

    @Test
    void fixtureBinHoldsExactlyTheSafetensorsTensors() throws IOException {
        StateDict fromBin = TorchZipReader.read(TINY.resolve("open_clip_pytorch_model.bin"));
        StateDict fromSt = SafetensorsFile.readAll(TINY.resolve("open_clip_model.safetensors"));
        assertThat(fromBin.names()).containsExactlyElementsOf(fromSt.names());
        for (Tensor t : fromSt.tensors()) {
            Tensor b = fromBin.get(t.name());
            assertThat(b.shape()).as(t.name()).isEqualTo(t.shape());
            assertThat(b.data()).as(t.name()).containsExactly(t.data());
        }
    }

    /** Written by Python's own pickler the way torch.save(model.state_dict()) does (see make_*.py next to it). */
    @Test
    void readsAPythonPickledStateDictWithMetadataParametersAndViews() throws IOException {
        StateDict sd = TorchZipReader.read(Path.of("src/test/resources/checkpoints/state_dict_with_metadata.pt"));
        assertThat(sd.names()).containsExactly("layer.weight", "layer.weight_t", "layer.bias", "half", "scalar");
        assertThat(sd.get("layer.weight").data()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(sd.get("layer.weight_t").shape()).containsExactly(4, 3);
        assertThat(sd.get("layer.weight_t").data()).containsExactly(0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11);
        assertThat(sd.get("layer.bias").data()).containsExactly(8, 10);
        assertThat(sd.get("half").data()).containsExactly(-2f, 0.5f, 65504f);
        assertThat(sd.get("scalar").data()).containsExactly(11f);
    }

    @Test
    void materialisesOffsetsStridesSharedStoragesAndHalfStorages() throws IOException {
        byte[] pickle = new PickleBytes().proto(2).op('}').mark()
                // storage 0 = [0..7]; "t" = view [[0,1,2],[3,4,5]] transposed → size (3,2) stride (1,3)
                .str("t").tensor("FloatStorage", "0", 8, 0, new long[] {3, 2}, new long[] {1, 3})
                // "s" = storage 0 from offset 2, every second element → [2, 4, 6]
                .str("s").tensor("FloatStorage", "0", 8, 2, new long[] {3}, new long[] {2})
                // "c" = contiguous 2x2 from offset 4 → [4,5,6,7]
                .str("c").tensor("FloatStorage", "0", 8, 4, new long[] {2, 2}, new long[] {2, 1})
                // "h" = half storage [1.0, -2.0, 0.5]
                .str("h").tensor("HalfStorage", "1", 3, 0, new long[] {3}, new long[] {1})
                // "z" = a scalar
                .str("z").tensor("FloatStorage", "0", 8, 7, new long[] {}, new long[] {})
                .op('u').stop().bytes();
        ByteBuffer half = ByteBuffer.allocate(6).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 0x3C00)
                .putShort((short) 0xC000).putShort((short) 0x3800);
        Map<String, byte[]> storages = new LinkedHashMap<>();
        storages.put("0", PickleBytes.floatsLe(0, 1, 2, 3, 4, 5, 6, 7));
        storages.put("1", half.array());
        StateDict sd = TorchZipReader.read(PickleBytes.torchZip(tmp.resolve("views.pt"), pickle, storages));

        assertThat(sd.names()).containsExactly("t", "s", "c", "h", "z");
        assertThat(sd.get("t").shape()).containsExactly(3, 2);
        assertThat(sd.get("t").data()).containsExactly(0, 3, 1, 4, 2, 5);
        assertThat(sd.get("s").data()).containsExactly(2, 4, 6);
        assertThat(sd.get("c").data()).containsExactly(4, 5, 6, 7);
        assertThat(sd.get("h").data()).containsExactly(1f, -2f, 0.5f);
        assertThat(sd.get("z").shape()).isEmpty();
        assertThat(sd.get("z").data()).containsExactly(7f);
    }

    @Test
    void unwrapsStateDictInsideATrainingCheckpointAndStripsModulePrefix() throws IOException {
        byte[] pickle = new PickleBytes().proto(2).op('}').mark()
                .str("epoch").integer(3)
                .str("name").str("run-1")
                .str("state_dict")
                .global("collections", "OrderedDict").op(')').op('R')
                .mark()
                .str("module.visual.proj").tensor("FloatStorage", "0", 4, 0, new long[] {2, 2}, new long[] {2, 1})
                .str("module.logit_scale").tensor("FloatStorage", "1", 1, 0, new long[] {}, new long[] {})
                .op('u')
                // state_dict._metadata, restored with BUILD: data only, dropped
                .op('}').str("_metadata").op('}').op('s').op('b')
                .op('u').stop().bytes();
        Map<String, byte[]> storages = Map.of("0", PickleBytes.floatsLe(1, 2, 3, 4), "1", PickleBytes.floatsLe(4.6f));
        StateDict sd = TorchZipReader.read(PickleBytes.torchZip(tmp.resolve("epoch_3.pt"), pickle, storages));
        assertThat(sd.names()).containsExactly("visual.proj", "logit_scale");
        assertThat(sd.get("visual.proj").data()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void refusesOsSystemWithoutRunningIt() throws IOException {
        Path marker = tmp.resolve("pwned");
        byte[] pickle = new PickleBytes().proto(2).global("os", "system")
                .str("touch " + marker).op(0x85).op('R').stop().bytes();
        Path file = PickleBytes.torchZip(tmp.resolve("evil.bin"), pickle, Map.of());
        assertThatThrownBy(() -> TorchZipReader.read(file)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("evil.bin").hasMessageContaining("os.system")
                .hasMessageContaining("nothing in the file was executed");
        assertThat(marker).doesNotExist();
    }

    @Test
    void refusesBuiltinsEval() throws IOException {
        byte[] pickle = new PickleBytes().proto(2).global("builtins", "eval")
                .str("__import__('os').system('echo hi')").op(0x85).op('R').stop().bytes();
        assertRefused(pickle, "builtins.eval");
    }

    @Test
    void refusesStackGlobalPosixSystem() throws IOException {
        byte[] pickle = new PickleBytes().proto(4).shortStr("posix").shortStr("system").op(0x93).op(0x94)
                .shortStr("id").op(0x85).op('R').stop().bytes();
        assertRefused(pickle, "posix.system");
    }

    @Test
    void refusesInstOfSubprocessPopen() throws IOException {
        PickleBytes p = new PickleBytes().proto(2).mark().str("ls");
        p.op('i');
        for (byte b : "subprocess\nPopen\n".getBytes()) p.raw(b);
        assertRefused(p.stop().bytes(), "subprocess.Popen");
    }

    @Test
    void refusesAPayloadHiddenNextToRealTensors() throws IOException {
        byte[] pickle = new PickleBytes().proto(2).op('}').mark()
                .str("visual.proj").tensor("FloatStorage", "0", 4, 0, new long[] {2, 2}, new long[] {2, 1})
                .str("extra").global("nt", "system").str("calc.exe").op(0x85).op('R')
                .op('u').stop().bytes();
        assertRefused(pickle, "nt.system");
    }

    @Test
    void refusesCallingAnAllowedGlobalThatIsNotAConstructorOfData() throws IOException {
        // torch.FloatStorage may appear in persistent ids, but calling it is not part of a state dict
        byte[] pickle = new PickleBytes().proto(2).global("torch", "FloatStorage").integer(10).op(0x85).op('R')
                .stop().bytes();
        assertRefused(pickle, "torch.FloatStorage");
    }

    @Test
    void refusesNewObjAndObj() throws IOException {
        byte[] newObj = new PickleBytes().proto(2).global("collections", "OrderedDict").op(')').op(0x81).stop().bytes();
        assertRefused(newObj, "NEWOBJ");
        byte[] obj = new PickleBytes().proto(2).mark().global("collections", "OrderedDict").op('o').stop().bytes();
        assertRefused(obj, "OBJ");
    }

    @Test
    void malformedPickleIsAReadableError() throws IOException {
        byte[] truncated = new PickleBytes().proto(2).op('}').mark().str("x").bytes();
        Path file = PickleBytes.torchZip(tmp.resolve("cut.bin"), truncated, Map.of());
        assertThatThrownBy(() -> TorchZipReader.read(file)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("cut.bin").hasMessageContaining("malformed pickle");
    }

    @Test
    void storageSmallerThanPromisedIsRejected() throws IOException {
        byte[] pickle = new PickleBytes().proto(2).op('}')
                .str("w").tensor("FloatStorage", "0", 4, 0, new long[] {4}, new long[] {1}).op('s').stop().bytes();
        Path file = PickleBytes.torchZip(tmp.resolve("short.bin"), pickle, Map.of("0", PickleBytes.floatsLe(1, 2)));
        assertThatThrownBy(() -> TorchZipReader.read(file)).hasMessageContaining("short.bin")
                .hasMessageContaining("storage 0");
        byte[] outOfRange = new PickleBytes().proto(2).op('}')
                .str("w").tensor("FloatStorage", "0", 2, 1, new long[] {2}, new long[] {1}).op('s').stop().bytes();
        Path file2 = PickleBytes.torchZip(tmp.resolve("range.bin"), outOfRange, Map.of("0", PickleBytes.floatsLe(1, 2)));
        assertThatThrownBy(() -> TorchZipReader.read(file2)).hasMessageContaining("range.bin")
                .hasMessageContaining("tensor w");
    }

    @Test
    void explainsTorchScriptAndLegacyFormats() throws IOException {
        Path jit = tmp.resolve("ViT-B-32.pt");
        try (OutputStream fo = Files.newOutputStream(jit); ZipOutputStream zip = new ZipOutputStream(fo)) {
            for (String n : new String[] {"ViT-B-32/data.pkl", "ViT-B-32/constants.pkl", "ViT-B-32/code/__torch__.py"}) {
                zip.putNextEntry(new ZipEntry(n));
                zip.write(new byte[] {'.'});
                zip.closeEntry();
            }
        }
        assertThatThrownBy(() -> TorchZipReader.read(jit)).hasMessageContaining("TorchScript")
                .hasMessageContaining("ViT-B-32.pt");
        Path legacy = tmp.resolve("old.pt");
        Files.write(legacy, new byte[] {(byte) 0x80, 2, (byte) 0x8a, 10});
        assertThatThrownBy(() -> TorchZipReader.read(legacy)).hasMessageContaining("legacy")
                .hasMessageContaining("old.pt");
        Path text = tmp.resolve("notes.bin");
        Files.writeString(text, "hello");
        assertThatThrownBy(() -> TorchZipReader.read(text)).hasMessageContaining("not a PyTorch checkpoint");
    }

    private void assertRefused(byte[] pickle, String offender) throws IOException {
        Path file = PickleBytes.torchZip(tmp.resolve("malicious.bin"), pickle, Map.of());
        assertThatThrownBy(() -> TorchZipReader.read(file)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("refused").hasMessageContaining("malicious.bin").hasMessageContaining(offender);
    }
}
