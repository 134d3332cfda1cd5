package org.alor.app.retrieval;

import org.alor.app.common.JobProgress;

import org.alor.job.CancellationToken;
import org.alor.loop.Project;
import org.alor.loop.ProjectRetrieval;
import org.alor.loop.RetrievalSpec;
import org.alor.retrieval.RetrievalJob;
import org.alor.retrieval.RetrievalReport;
import org.alor.retrieval.ScanListener;
import org.alor.retrieval.ShardResult;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Retrieval from the project's corpus, ranked by its CLIP, as `alor retrieve` does it. */
public final class ProjectRetrievalRunner implements RetrievalRunner {
    @Override
    public int retrieve(Project session, JobProgress progress) throws Exception {
        org.alor.store.ProjectStore store = session.store();
        ProjectRetrieval.Prepared prepared = ProjectRetrieval.prepare(session, RetrievalSpec.builder().build());
        if (prepared.rankingNote() != null) progress.update(prepared.rankingNote(), -1);
        RetrievalJob job = prepared.job();
        int shards = prepared.shards();
        AtomicInteger shardsDone = new AtomicInteger();
        AtomicLong captions = new AtomicLong();
        ScanListener listener = new ScanListener() {
            @Override
            public void captionsScanned(long delta, long matchesDelta) {
                progress.update(String.format("Scanning captions: %,d", captions.addAndGet(delta)),
                        shards == 0 ? -1 : (double) shardsDone.get() / shards);
            }

            @Override
            public void shardDone(ShardResult result, boolean resumed) {
                progress.update("Scanned " + shardsDone.incrementAndGet() + " / " + shards + " shards",
                        shards == 0 ? -1 : (double) shardsDone.get() / shards);
            }

            @Override
            public void imagesObtained(int done, int total) {
                progress.update("Retrieved images " + done + " / " + total, total == 0 ? -1 : (double) done / total);
            }
        };
        RetrievalReport report = job.run(listener, CancellationToken.following(progress::isCancelled));
        return report.kept().values().stream().mapToInt(Integer::intValue).sum();
    }
}
