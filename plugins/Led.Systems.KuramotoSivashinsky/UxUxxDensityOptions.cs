using System.ComponentModel.DataAnnotations;

namespace Led.Systems.KuramotoSivashinsky;

/// <summary>Options of the <c>UxUxxDensity</c> metric.</summary>
public sealed class UxUxxDensityOptions
{
    /// <summary>Bins per axis of the joint (u_x, u_xx) histogram.</summary>
    [Range(4, 1000, ErrorMessage = "bins must be between 4 and 1000")]
    public int Bins { get; set; } = 60;
}
