using System.Text;
using Npgsql;

namespace AgentMemory.PostgreSql.Tests;

/// <summary>
/// Reads a database's files straight from the server's data directory (the test runs on the server's host, as root in
/// CI) and reports which files hold which strings: every file of the database directory, each attributed to its
/// relation where it is one of the schema's tables, TOAST tables and indexes, or the statistics catalog.
/// Fails loudly when the files cannot be read: a scan that sees nothing must never pass for a clean one.
/// </summary>
internal sealed class RelationFileProbe
{
    private readonly string _directory;
    private readonly Dictionary<string, string> _relations;

    private RelationFileProbe(string directory, Dictionary<string, string> relations)
    {
        _directory = directory;
        _relations = relations;
    }

    /// <summary>The names of the relations whose files the probe attributes (schema tables, their TOAST tables and every index).</summary>
    public IReadOnlyCollection<string> Relations => _relations.Values;

    /// <summary>Runs CHECKPOINT (so every page is on disk) and maps the database's files to relations.</summary>
    public static async Task<RelationFileProbe> OpenAsync(NpgsqlConnection connection, string schema)
    {
        await ExecAsync(connection, "CHECKPOINT");
        var dataDirectory = (string)(await ScalarAsync(connection, "SHOW data_directory"))!;
        var databaseOid = Convert.ToString(await ScalarAsync(connection, "SELECT oid FROM pg_database WHERE datname = current_database()"), System.Globalization.CultureInfo.InvariantCulture)!;
        var relations = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var cmd = new NpgsqlCommand("""
            WITH own AS (
                SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = @schema OR c.oid = 'pg_catalog.pg_statistic'::regclass),
            toast AS (SELECT c.reltoastrelid AS oid FROM pg_class c JOIN own USING (oid) WHERE c.reltoastrelid <> 0),
            indexes AS (SELECT i.indexrelid AS oid FROM pg_index i WHERE i.indrelid IN (SELECT oid FROM own UNION SELECT oid FROM toast))
            SELECT x.oid::regclass::text, pg_relation_filepath(x.oid)
            FROM (SELECT oid FROM own UNION SELECT oid FROM toast UNION SELECT oid FROM indexes) x
            WHERE pg_relation_filepath(x.oid) IS NOT NULL
            """, connection))
        {
            cmd.Parameters.AddWithValue("schema", schema);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                relations[Path.GetFileName(reader.GetString(1))] = reader.GetString(0);
            }
        }

        var directory = Path.Combine(dataDirectory, "base", databaseOid);
        try
        {
            if (Directory.GetFiles(directory).Length == 0)
            {
                throw new InvalidOperationException($"No files found in '{directory}'.");
            }
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException or InvalidOperationException)
        {
            throw new InvalidOperationException(
                $"This test reads PostgreSQL's relation files and cannot read '{directory}' ({ex.Message}). Run it on the server's host as root " +
                "or as the server's OS user (CI starts the server with '.ci/postgres.sh start' and runs the tests as root). It never skips.", ex);
        }

        return new RelationFileProbe(directory, relations);
    }

    /// <summary>For each string, the files (relation name where known, else file name) whose bytes contain its UTF-8 form.</summary>
    public Dictionary<string, List<string>> Find(IEnumerable<string> needles)
    {
        var wanted = needles.ToDictionary(n => n, n => Encoding.UTF8.GetBytes(n), StringComparer.Ordinal);
        var found = wanted.Keys.ToDictionary(k => k, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(_directory))
        {
            var bytes = File.ReadAllBytes(file);
            foreach (var (needle, pattern) in wanted)
            {
                if (bytes.AsSpan().IndexOf(pattern) >= 0)
                {
                    found[needle].Add(Describe(Path.GetFileName(file)));
                }
            }
        }

        return found;
    }

    private string Describe(string fileName)
    {
        // A relation's files are <filenode>, <filenode>.<segment> and <filenode>_<fork>.
        var node = fileName.Split('.', '_')[0];
        return _relations.TryGetValue(node, out var relation) ? $"{relation} ({fileName})" : fileName;
    }

    private static async Task ExecAsync(NpgsqlConnection connection, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        return await cmd.ExecuteScalarAsync();
    }
}
