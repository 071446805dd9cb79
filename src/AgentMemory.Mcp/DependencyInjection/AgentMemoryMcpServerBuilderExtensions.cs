using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AgentMemory.Mcp;
using AgentMemory.Mcp.Tools;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ModelContextProtocol;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers AgentMemory's tools on an MCP server built with the official C# SDK.</summary>
public static class AgentMemoryMcpServerBuilderExtensions
{
    /// <summary>
    /// Adds the memory tools (<c>memory_save</c>, <c>memory_search</c>, <c>memory_list</c>, <c>memory_get</c>,
    /// <c>memory_update</c>, <c>memory_delete</c>, <c>memory_forget_topic</c>) to the server. The host registers
    /// AgentMemory itself (<c>services.AddAgentMemory(…)</c>); the scope of every call comes from
    /// <paramref name="configure"/> (tenant, user, agent) or, when <see cref="AgentMemoryMcpOptions.UserIdClaimType"/> is
    /// set, from the authenticated caller. Register an <see cref="IMcpMemoryScopeResolver"/> to decide it another way.
    /// </summary>
    /// <param name="builder">The MCP server builder from <c>AddMcpServer()</c>.</param>
    /// <param name="configure">Binds the scope and result limits.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IMcpServerBuilder WithAgentMemoryTools(this IMcpServerBuilder builder, Action<AgentMemoryMcpOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<AgentMemoryMcpOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AgentMemoryMcpOptions>, AgentMemoryMcpOptionsValidator>());
        builder.Services.TryAddSingleton<IMcpMemoryScopeResolver, ConfiguredMcpMemoryScopeResolver>();
        return builder.WithTools<AgentMemoryTools>(SerializerOptions);
    }

    private static JsonSerializerOptions SerializerOptions { get; } = CreateSerializerOptions();

    private static JsonSerializerOptions CreateSerializerOptions()
    {
        var options = new JsonSerializerOptions(McpJsonUtilities.DefaultOptions)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(McpToolJsonContext.Default, McpJsonUtilities.DefaultOptions.TypeInfoResolver),
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        };
        options.MakeReadOnly();
        return options;
    }
}
