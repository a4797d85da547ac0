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

    /// <summary>
    /// <c>exact</c> (default): a full SVD of the centred frames; <c>randomized</c>: a seeded randomized SVD that streams
    /// the frames in chunks and never copies them all (for large data sets; exact when the data have rank ≤ d_z + p).
    /// </summary>
    public PcaSolver Solver { get; set; } = PcaSolver.Exact;

    /// <summary>Randomized solver: extra columns p of the random test matrix beyond d_z (Halko et al. suggest 5–10).</summary>
    [Range(0, 1 << 16, ErrorMessage = "oversampling must be between 0 and 65536 (10 is usual)")]
    public int Oversampling { get; set; } = 10;

    /// <summary>Randomized solver: power iterations q, each two more passes over the frames; sharpens slowly decaying spectra.</summary>
    [Range(0, 100, ErrorMessage = "powerIterations must be between 0 and 100 (2 is usual)")]
    public int PowerIterations { get; set; } = 2;

    /// <summary>Randomized solver: seed of the Gaussian test matrix (the same seed and data give the same components).</summary>
    public long Seed { get; set; }

    /// <summary>Randomized solver: frames read at a time; the chunk and its centred copy take 2 × ChunkRows × frame size × 8 bytes.</summary>
    [Range(1, 1 << 24, ErrorMessage = "chunkRows must be between 1 and 16777216 (e.g. 256)")]
    public int ChunkRows { get; set; } = 256;

    /// <summary>Checks that d_z does not exceed the state size; the latent space is d_z.</summary>
    /// <exception cref="ArgumentException">latentDim exceeds the number of values in one snapshot.</exception>
    public LatentSpace CheckShapes(SystemDescription system, LatentSpace? latent)
    {
        ArgumentNullException.ThrowIfNull(system);
        Led.Toolkit.Validation.OptionsValidation.ThrowIfInvalid(this, "Pca");
        if (LatentDim > system.Size)
            throw new ArgumentException($"latentDim {LatentDim} exceeds the state size {system.Size} of the system: choose at most {system.Size}");
        return new LatentSpace(LatentDim);
    }
}
