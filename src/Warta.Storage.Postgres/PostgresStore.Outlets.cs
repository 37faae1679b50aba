using Npgsql;
using Warta.Core.Extraction;

namespace Warta.Storage.Postgres;

public sealed partial class PostgresStore
{
    /// <summary>Every outlet name-domain pairing stored so far, in name then domain order.</summary>
    public IReadOnlyList<OutletPairing> ReadOutletPairings() =>
        Query("SELECT name, domain FROM outlet_pairings ORDER BY name, domain", static r => new OutletPairing(r.GetString(0), r.GetString(1)));

    /// <summary>Adds pairings inside the batch's transaction; one already stored is left as it is.</summary>
    private static void WriteOutletPairings(IReadOnlyList<OutletPairing> pairings, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        if (pairings.Count == 0) return;
        Execute(connection, transaction,
            "INSERT INTO outlet_pairings (name, domain) SELECT * FROM unnest(@names, @domains) ON CONFLICT DO NOTHING",
            P("names", pairings.Select(static p => p.Name)), P("domains", pairings.Select(static p => p.Domain)));
    }
}
