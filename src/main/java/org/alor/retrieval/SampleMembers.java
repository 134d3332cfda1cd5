package org.alor.retrieval;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The files of one webdataset/img2dataset sample ({@code <key>.txt}, {@code <key>.json}, {@code <key>.jpg}...),
 * collected member by member and turned into a {@link CaptionRecord}.
 */
final class SampleMembers {
    static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "webp", "bmp", "gif");

    private final String shard;
    private String key;
    private String caption;
    private String url;
    private String jsonCaption;
    private boolean broken;

    SampleMembers(String shard) {
        this.shard = shard;
    }

    /** webdataset convention: the key is the member path up to the first dot of its file name. */
    static String keyOf(String memberName) {
        int slash = memberName.lastIndexOf('/');
        int dot = memberName.indexOf('.', slash + 1);
        return dot < 0 ? memberName : memberName.substring(0, dot);
    }

    static String extensionOf(String memberName) {
        int slash = memberName.lastIndexOf('/');
        int dot = memberName.indexOf('.', slash + 1);
        return dot < 0 ? "" : memberName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Starts a new sample when the key changes, emitting the previous one. */
    void startMember(String memberKey, Consumer<CaptionRecord> out) {
        if (memberKey.equals(key)) return;
        flush(out);
        key = memberKey;
    }

    void addText(String memberName, byte[] bytes, Consumer<String> warnings) {
        String text = decodeUtf8(bytes);
        if (text == null) {
            warnings.accept(shard + ": member " + memberName + ": caption is not valid UTF-8; sample skipped");
            broken = true;
            return;
        }
        caption = text.strip();
    }

    void addJson(String memberName, byte[] bytes, Consumer<String> warnings) {
        String text = decodeUtf8(bytes);
        if (text == null) {
            warnings.accept(shard + ": member " + memberName + ": JSON is not valid UTF-8; ignored");
            return;
        }
        try {
            JsonElement e = JsonParser.parseString(text);
            if (!e.isJsonObject()) return;
            JsonObject o = e.getAsJsonObject();
            if (o.has("url") && o.get("url").isJsonPrimitive()) url = o.get("url").getAsString();
            if (o.has("caption") && o.get("caption").isJsonPrimitive()) jsonCaption = o.get("caption").getAsString();
        } catch (RuntimeException ex) {
            warnings.accept(shard + ": member " + memberName + ": not valid JSON; ignored");
        }
    }

    /** Forgets the current sample (a member of it was damaged). */
    void discard() {
        key = null;
        broken = false;
        caption = null;
        url = null;
        jsonCaption = null;
    }

    void flush(Consumer<CaptionRecord> out) {
        String text = caption != null ? caption : jsonCaption;
        if (key != null && !broken && text != null) out.accept(new CaptionRecord(key, text, url, shard));
        discard();
    }

    static String decodeUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
