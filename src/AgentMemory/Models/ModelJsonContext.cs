using System.Text.Json.Serialization;
using AgentMemory.Extraction;
using AgentMemory.Reconciliation;
using AgentMemory.Retrieval;

namespace AgentMemory.Models;

/// <summary>Source-generated JSON contracts of the model outputs (camelCase, as the schemas sent to the model).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ExtractionOutput))]
[JsonSerializable(typeof(ReconciliationOutput))]
[JsonSerializable(typeof(ExpansionOutput))]
internal sealed partial class ModelJsonContext : JsonSerializerContext;
