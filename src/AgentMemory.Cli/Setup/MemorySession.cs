using AgentMemory.Sqlite;

namespace AgentMemory.Cli.Setup;

/// <summary>AgentMemory over one SQLite file for the length of one command.</summary>
internal sealed class MemorySession : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private MemorySession(ServiceProvider services)
    {
        _services = services;
        Memory = services.GetRequiredService<IAgentMemory>();
        Store = services.GetRequiredService<SqliteMemoryStore>();
    }

    public IAgentMemory Memory { get; }

    public SqliteMemoryStore Store { get; }

    public IServiceProvider Services => _services;

    /// <summary>Opens the file (creating it only when <paramref name="create"/>).</summary>
    /// <exception cref="CliException">The file is missing, or was written by a newer AgentMemory, or cannot be opened.</exception>
    public static MemorySession Open(CliSettings settings, CliConsole console, bool create = false)
    {
        if (!create)
        {
            settings.RequireExistingFile();
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(settings.DbPath)!);
        }

        var services = new ServiceCollection();
        services.AddCliMemory(settings, console.Environment);
        var provider = services.BuildServiceProvider();
        try
        {
            return new MemorySession(provider);
        }
        catch (MemoryStoreException ex)
        {
            provider.Dispose();
            throw new CliException($"Cannot open '{settings.DbPath}': {ex.Message}", ExitCodes.BadInput, ex);
        }
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
