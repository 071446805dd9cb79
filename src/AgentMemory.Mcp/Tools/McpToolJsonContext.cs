using System.Text.Json.Serialization;

namespace AgentMemory.Mcp.Tools;

/// <summary>Source-generated JSON for the tools' results: camelCase, nulls left out to keep results small.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(McpToolStatus))]
[JsonSerializable(typeof(McpMemoryPage))]
[JsonSerializable(typeof(McpMemoryDetails))]
[JsonSerializable(typeof(McpForgetResult))]
[JsonSerializable(typeof(IReadOnlyList<McpMemoryItem>))]
internal sealed partial class McpToolJsonContext : JsonSerializerContext;
