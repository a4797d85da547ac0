namespace Led.Abstractions.Learning;

/// <summary>The latent space a propagator works in: its dimension d_z (given to propagator constructors).</summary>
public sealed record LatentSpace(int Dim);
