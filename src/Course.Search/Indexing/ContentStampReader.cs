namespace Course.Search.Indexing;

/// <summary>
/// Reads, from the source of truth, a short value that changes whenever indexed content may have changed.
/// The index commits it with each change; at start a different value means the index missed a change
/// (the process stopped between a database save and its index update) and must be rebuilt.
/// </summary>
public delegate Task<string> ContentStampReader(CancellationToken cancellationToken);
