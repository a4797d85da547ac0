using System.ComponentModel.DataAnnotations;

namespace Led.Autoencoders.Pca;

/// <summary>Options of the <c>Pca</c> encoder/decoder.</summary>
public sealed class PcaOptions
{
    /// <summary>Number of principal components kept (d_z).</summary>
    [Range(1, 1 << 20, ErrorMessage = "latentDim must be ≥ 1")]
    public int LatentDim { get; set; } = 8;
}
