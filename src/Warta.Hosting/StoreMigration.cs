namespace Warta.Hosting;

/// <summary>What <c>warta migrate</c> copied into a PostgreSQL store.</summary>
/// <param name="Target">The target as messages name it (no password).</param>
/// <param name="Copied">Rows copied per table, in copy order.</param>
/// <param name="Indexed">Articles in the target's search index once built.</param>
/// <param name="Sequence">The last change the search index holds (the source's last change).</param>
public sealed record StoreMigration(string Target, IReadOnlyList<(string Table, long Rows)> Copied, int Indexed, long Sequence);
