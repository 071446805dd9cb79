using System.ComponentModel;

namespace AgentMemory.Models;

/// <summary>The query expander's structured output.</summary>
internal sealed class ExpansionOutput
{
    [Description("Standalone search queries for the user's stored memories.")]
    public List<string>? Queries { get; set; }
}
