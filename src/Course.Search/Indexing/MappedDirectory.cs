using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Course.Search.Indexing;

/// <summary>
/// A folder whose files are read memory-mapped, like Lucene's <see cref="MMapDirectory"/>, except for how clones are
/// kept. Lucene.Net's mapped input registers every clone in a <c>ConditionalWeakTable</c> so that closing the file can
/// cut them off; a search clones inputs for each term and segment (about fifty a query), and the dependent GC handles
/// piled up in the hundreds of thousands, until every gen-0 collection took 1–3 ms scanning them (dotnet-trace's
/// GCHeapStats on the benchmark). Here a clone is a plain copy holding the mapping, and the mapping is released when
/// the last input holding it is collected, so no input ever reads an unmapped page. Writes go through
/// <see cref="FSDirectory"/>, with fewer fsyncs per commit (see <see cref="Sync"/>), and a merge's files are fsynced by
/// the merge thread (see <see cref="CreateOutput"/>).
/// </summary>
internal sealed class MappedDirectory(string folder) : FSDirectory(new DirectoryInfo(folder), new NativeFSLockFactory())
{
    /// <summary>
    /// Makes files durable. Lucene calls this three times per commit: for the new segments' files, for the commit point
    /// (<c>segments_N</c>), then for <c>segments.gen</c>; <see cref="FSDirectory"/> fsyncs the folder after each call.
    /// Here the folder is fsynced once, after the commit point: that makes the folder entries of the segment files
    /// durable with it, before any commit that names them is. <c>segments.gen</c> is not fsynced at all: it is only a
    /// hint at the newest commit, which Lucene reads past when it is missing or stale (and Lucene 5 dropped it). Three
    /// fsyncs of a change's nine were these, a fifth of a change on a quiet machine.
    /// </summary>
    public override void Sync(ICollection<string> names)
    {
        EnsureOpen();
        List<string> stale;
        lock (m_syncLock) stale = [.. names.Where(m_staleFiles.Contains)];
        foreach (var name in stale.Where(n => n != IndexFileNames.SEGMENTS_GEN)) Fsync(name);
        if (stale.Any(n => n.StartsWith(IndexFileNames.SEGMENTS + "_", StringComparison.Ordinal))) IOUtils.Fsync(Directory.FullName, isDir: true);
        lock (m_syncLock) m_staleFiles.ExceptWith(stale);
    }

    /// <summary>
    /// A merge's files are fsynced by the merge thread as each is closed, so the commit that first names the merged
    /// segment finds them durable already: otherwise that commit paid for writing it out, a change's when changes were
    /// committed one by one (the slowest changes were these).
    /// </summary>
    public override IndexOutput CreateOutput(string name, IOContext context)
    {
        var output = base.CreateOutput(name, context);
        return context.Context == IOContext.UsageContext.MERGE ? new SyncedWhenClosed(output, () => SyncMerged(name)) : output;
    }

    private void SyncMerged(string name)
    {
        Fsync(name);
        lock (m_syncLock) m_staleFiles.Remove(name);
    }

    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var path = Path.Combine(Directory.FullName, name);
        return new MappedInput($"MappedInput(path=\"{path}\")", Mapping.Of(path), 0, new FileInfo(path).Length);
    }

    public override IndexInputSlicer CreateSlicer(string name, IOContext context) => new Slicer((MappedInput)OpenInput(name, context));

    /// <summary>An output that runs <paramref name="sync"/> once it is closed and its bytes are handed to the system.</summary>
    private sealed class SyncedWhenClosed(IndexOutput file, Action sync) : IndexOutput
    {
        private bool closed;

        public override void WriteByte(byte b) => file.WriteByte(b);

        public override void WriteBytes(byte[] b, int offset, int length) => file.WriteBytes(b, offset, length);

        public override void Flush() => file.Flush();

        public override long Position => file.Position;

        [Obsolete("Only for Lucene's own obsolete callers.")]
        public override void Seek(long pos) => file.Seek(pos);

        public override long Checksum => file.Checksum;

        public override long Length
        {
            get => file.Length;
            set => file.Length = value;
        }

        protected override void Dispose(bool disposing)
        {
            if (!disposing || closed) return;
            closed = true;
            file.Dispose();
            sync();
        }
    }

    /// <summary>Compound files: each inner file is a window on the one mapping.</summary>
    private sealed class Slicer(MappedInput whole) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length) => whole.Slice(sliceDescription, offset, length);

        [Obsolete("Only for reading CFS files from 3.x indexes.")]
        public override IndexInput OpenFullSlice() => whole.Slice("full", 0, whole.Length);

        protected override void Dispose(bool disposing) => whole.Dispose();
    }

    /// <summary>
    /// A file mapped read-only; unmapped when no input refers to it any longer. The file itself is closed once mapped,
    /// so the mapping holds no lock on it: the folder can be emptied or rewritten as soon as the index is disposed.
    /// </summary>
    internal sealed unsafe class Mapping
    {
        private readonly MemoryMappedViewAccessor? view;

        private Mapping(string path)
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length == 0)
            {
                stream.Dispose();
                return;
            }
            // The view outlives the file handle (closed with `file`): a mapping needs no open file.
            using var file = CreateFromFile(stream);
            view = file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
            byte* pointer = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            Start = pointer + view.PointerOffset;
        }

        private static MemoryMappedFile CreateFromFile(FileStream stream)
        {
            try
            {
                return MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
            }
            catch
            {
                stream.Dispose();
                throw;
            }
        }

        public byte* Start { get; }

        public static Mapping Of(string path) => new(path);

        ~Mapping()
        {
            if (view is null) return;
            view.SafeMemoryMappedViewHandle.ReleasePointer();
            view.Dispose();
        }
    }

    /// <summary>A cursor on a window of a mapping; clones and slices share the mapping.</summary>
    internal sealed unsafe class MappedInput(string description, Mapping mapping, long offset, long length) : IndexInput(description)
    {
        private long position;

        public override long Length => length;

        public override long Position => position;

        public override void Seek(long pos)
        {
            if (pos < 0 || pos > length) throw new EndOfStreamException($"Seek to {pos} past the end ({length}) of {this}.");
            position = pos;
        }

        // Each read keeps the mapping reachable until its bytes are copied: the finalizer must not unmap them mid-read.
        public override byte ReadByte()
        {
            var value = *Take(sizeof(byte));
            GC.KeepAlive(mapping);
            return value;
        }

        public override void ReadBytes(byte[] destination, int at, int count)
        {
            new ReadOnlySpan<byte>(Take(count), count).CopyTo(destination.AsSpan(at, count));
            GC.KeepAlive(mapping);
        }

        public override short ReadInt16()
        {
            var value = BinaryPrimitives.ReadInt16BigEndian(new ReadOnlySpan<byte>(Take(sizeof(short)), sizeof(short)));
            GC.KeepAlive(mapping);
            return value;
        }

        public override int ReadInt32()
        {
            var value = BinaryPrimitives.ReadInt32BigEndian(new ReadOnlySpan<byte>(Take(sizeof(int)), sizeof(int)));
            GC.KeepAlive(mapping);
            return value;
        }

        public override long ReadInt64()
        {
            var value = BinaryPrimitives.ReadInt64BigEndian(new ReadOnlySpan<byte>(Take(sizeof(long)), sizeof(long)));
            GC.KeepAlive(mapping);
            return value;
        }

        public MappedInput Slice(string sliceDescription, long sliceOffset, long sliceLength)
        {
            if (sliceOffset < 0 || sliceLength < 0 || sliceOffset + sliceLength > length)
                throw new ArgumentException($"Slice {sliceDescription} [{sliceOffset}, +{sliceLength}] is out of bounds of {this}.");
            return new MappedInput($"{this} [slice={sliceDescription}]", mapping, offset + sliceOffset, sliceLength);
        }

        // Disposing closes nothing: the mapping goes with the last input (or clone) holding it.
        protected override void Dispose(bool disposing) { }

        /// <summary>Where the next <paramref name="count"/> bytes are, moving past them.</summary>
        private byte* Take(int count)
        {
            if (count < 0 || position + count > length) throw new EndOfStreamException($"Read past the end of {this}.");
            var at = mapping.Start + offset + position;
            position += count;
            return at;
        }
    }
}
