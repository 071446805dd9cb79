using System.ComponentModel;

namespace AgentMemory.Models;

/// <summary>A named thing a proposed memory mentions, as the model names it.</summary>
internal sealed class ExtractedEntity
{
    [Description("The name as written, e.g. 'Aisha Khan', 'Berlin', 'Deloitte', 'Honda Civic'.")]
    public string? Name { get; set; }

    [Description("person, place, organization, product or other.")]
    public string? Type { get; set; }
}
