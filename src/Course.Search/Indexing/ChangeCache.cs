using Lucene.Net.Store;
using Directory = Lucene.Net.Store.Directory;

namespace Course.Search.Indexing;

/// <summary>
/// Keeps the files of a change's small new segment in memory until the change is committed (Lucene's
/// <see cref="NRTCachingDirectory"/>): a flush writes a dozen files that compound-file packing then folds into three,
/// and on disk each would be created and unlinked again within the change. A full build passes by it
/// (<see cref="Bypassed"/>): its stored fields would otherwise be buffered in memory 1 KiB at a time and copied to disk
/// at its commit. A merge writes to disk too: its files are made durable by the merge thread (see
/// <see cref="MappedDirectory.CreateOutput"/>), not by the next change's commit.
/// </summary>
internal sealed class ChangeCache(Directory disk) : NRTCachingDirectory(disk, maxMergeSizeMB: 5.0, maxCachedMB: 60.0)
{
    public bool Bypassed { get; set; }

    protected override bool DoCacheWrite(string name, IOContext context) =>
        !Bypassed && context.Context != IOContext.UsageContext.MERGE && base.DoCacheWrite(name, context);
}
