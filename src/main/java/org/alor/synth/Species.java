package org.alor.synth;

/**
 * One synthetic species.
 *
 * @param id             0-based class id
 * @param genus          genus of the scientific name
 * @param epithet        specific epithet
 * @param commonName     English common name as a birder writes it (may contain '-' or '\'')
 * @param group          body plan shared with its genus
 * @param traits         visual identity
 */
public record Species(int id, String genus, String epithet, String commonName, BirdGroup group, BirdTraits traits) {

    public String scientificName() {
        return genus + " " + epithet;
    }

    /** Folder name for its images: the scientific name in lower case with '_' ("ptilornis_rufus"). */
    public String slug() {
        return scientificName().toLowerCase(java.util.Locale.ROOT).replace(' ', '_');
    }

    /** Last word of the common name ("Warbler"), used by partial-name captions. */
    public String lastWord() {
        String[] w = commonName.split(" ");
        return w[w.length - 1];
    }
}
