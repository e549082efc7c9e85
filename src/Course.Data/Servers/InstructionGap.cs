namespace Course.Data.Servers;

/// <summary>
/// Ids missing between the last applied instruction and the next one read. On SQL Server an id is taken when a row is
/// inserted but seen only when its transaction commits, so a later id can be read before an earlier one: a reader that
/// moved past the hole would never apply the earlier change. A hole is waited for, and taken as final (a rolled-back
/// transaction, an identity jump after a restart, a prune) once the instruction after it is older than the wait.
/// SQLite serialises writers, so its ids commit in order and it only has holes from pruning.
/// </summary>
public sealed record InstructionGap(long From, long To)
{
    /// <summary>
    /// How many of <paramref name="batch"/> (read after <paramref name="lastApplied"/>, oldest first) can be applied
    /// now: all of them up to the first hole that may still fill, and the holes taken as final on the way.
    /// </summary>
    public static (int Applicable, IReadOnlyList<InstructionGap> Final) Check(
        long lastApplied, IReadOnlyList<Instruction> batch, DateTime utcNow, TimeSpan wait)
    {
        var final = new List<InstructionGap>();
        var previous = lastApplied;
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch[i].Id > previous + 1)
            {
                if (utcNow - batch[i].UtcDate < wait) return (i, final);
                final.Add(new InstructionGap(previous + 1, batch[i].Id - 1));
            }
            previous = batch[i].Id;
        }
        return (batch.Count, final);
    }

    public override string ToString() => From == To ? $"{From}" : $"{From}–{To}";
}
