package org.alor.loop;

import org.alor.data.ClassInfo;

/** Which name fills the prompts of the text head: the dataset's {@code name} (paper) or {@code most_common_name}. */
public enum ClassNaming {
    NAME, MOST_COMMON_NAME;

    public String of(ClassInfo c) {
        return this == NAME ? c.name() : c.mostCommonName();
    }
}
