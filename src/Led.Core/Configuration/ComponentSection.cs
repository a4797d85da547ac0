using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;

namespace Led.Core.Configuration;

/// <summary>A config section that chooses a plugin component by name and passes it options.</summary>
public class ComponentSection
{
    /// <summary>The registered component name (case-insensitive), e.g. <c>KuramotoSivashinsky</c>.</summary>
    [Required(ErrorMessage = "name is required: set it to one of the component names the loaded plugins register")]
    public string Name { get; set; } = "";

    /// <summary>The raw <c>options</c> section, bound to the component's own options class by the host.</summary>
    [JsonIgnore]
    public IConfigurationSection? Options { get; set; }
}
