using System.ComponentModel.DataAnnotations;

namespace Led.Core.Configuration;

/// <summary>A config section that chooses a plugin component by name and passes it options.</summary>
public sealed class ComponentSection
{
    /// <summary>The registered component name (case-insensitive), e.g. <c>KuramotoSivashinsky</c>.</summary>
    [Required(ErrorMessage = "name is required: set it to one of the registered component names (see `led plugins`)")]
    public string Name { get; set; } = "";
}
