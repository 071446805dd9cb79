using Microsoft.Data.Sqlite;

namespace AgentMemory.Cli.Setup;

/// <summary>
/// The one place every command wires AgentMemory: the SQLite file, inline formation (the CLI has no background
/// worker), and the model. Without an API key this is the offline setup; with one, OpenAI or any compatible endpoint.
/// </summary>
internal static class MemorySetup
{
    public static AgentMemoryBuilder AddCliMemory(this IServiceCollection services, CliSettings settings, Func<string, string?> environment)
    {
        var connection = new SqliteConnectionStringBuilder { DataSource = settings.DbPath, Pooling = false }.ToString();
        // The recommended offline setup: SQLite and the in-process embedding model (all-MiniLM-L6-v2, loaded on first
        // use). An API key below still wins, since UseOpenAI replaces the embedding generator.
        var builder = services
            .AddAgentMemory(o => o.Formation.Mode = FormationMode.Inline)
            .UseSqlite(connection)
            .UseLocalEmbeddings();

        if (ModelSettings.FromEnvironment(environment) is { } model)
        {
            builder.UseOpenAI(model.ApiKey, model.ChatModel, model.EmbeddingModel, model.Endpoint, model.Dimensions);
        }

        return builder;
    }
}
