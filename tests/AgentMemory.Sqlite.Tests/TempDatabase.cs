using System.Text;

namespace AgentMemory.Sqlite.Tests;

/// <summary>A temporary directory holding one database file, deleted on dispose.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        DirectoryPath = Path.Combine(Path.GetTempPath(), "agentmemory-sqlite-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DirectoryPath);
        FilePath = Path.Combine(DirectoryPath, "memory.db");
    }

    public string DirectoryPath { get; }

    public string FilePath { get; }

    public string ConnectionString => $"Data Source={FilePath}";

    /// <summary>Another connection to the file that has run <paramref name="sql"/> (e.g. a transaction it holds until disposed).</summary>
    public Microsoft.Data.Sqlite.SqliteConnection OpenHolding(string sql)
    {
        var connection = new Microsoft.Data.Sqlite.SqliteConnection(ConnectionString + ";Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // test SQL constants
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteScalar();
        return connection;
    }

    /// <summary>Whether the UTF-8 bytes of <paramref name="text"/> appear in the database file, its WAL or its shared-memory file.</summary>
    public bool FilesContain(string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        foreach (var file in new[] { FilePath, FilePath + "-wal", FilePath + "-shm", FilePath + "-journal" })
        {
            if (!File.Exists(file))
            {
                continue;
            }

            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            if (buffer.ToArray().AsSpan().IndexOf(needle) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(DirectoryPath, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
