using System.Text.Json.Serialization;

namespace AgentMemory.OpenAI.Tests.Models;

public sealed record UserProfile(string? Name, string? City, string? Language);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(UserProfile))]
public sealed partial class ProfileJson : JsonSerializerContext;
