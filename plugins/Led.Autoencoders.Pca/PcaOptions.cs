using System.ComponentModel.DataAnnotations;
using Led.Abstractions.Learning;
using Led.Abstractions.Systems;

namespace Led.Autoencoders.Pca;

/// <summary>Options of the <c>Pca</c> encoder/decoder.</summary>
public sealed class PcaOptions : IShapeOptions
{
    /// <summary>Number of principal components kept (d_z).</summary>
    [Range(1, 1 << 20, ErrorMessage = "latentDim must be ≥ 1")]
    public int LatentDim { get; set; } = 8;

    /// <summary>Checks that d_z does not exceed the state size; the latent space is d_z.</summary>
    /// <exception cref="ArgumentException">latentDim exceeds the number of values in one snapshot.</exception>
    public LatentSpace CheckShapes(SystemDescription system, LatentSpace? latent)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (LatentDim > system.Size)
            throw new ArgumentException($"latentDim {LatentDim} exceeds the state size {system.Size} of the system: choose at most {system.Size}");
        return new LatentSpace(LatentDim);
    }
}
