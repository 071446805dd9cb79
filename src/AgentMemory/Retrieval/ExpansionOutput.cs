using System.ComponentModel;
using AgentMemory.Models;

namespace AgentMemory.Retrieval;

/// <summary>The query expander's structured output.</summary>
internal sealed class ExpansionOutput
{
    [Description("Standalone search queries for the user's stored memories.")]
    public List<string>? Queries { get; set; }
}
