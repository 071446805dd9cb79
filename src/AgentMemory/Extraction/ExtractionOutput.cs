using System.ComponentModel;
using AgentMemory.Models;

namespace AgentMemory.Extraction;

/// <summary>The extractor's structured output: the memories worth keeping.</summary>
internal sealed class ExtractionOutput
{
    [Description("The salient memories to keep; empty when nothing is worth remembering.")]
    public List<ExtractedMemory>? Memories { get; set; }
}
