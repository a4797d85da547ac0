namespace Led.Abstractions.Learning;

/// <summary>A component fitted in closed form (PCA, reservoir read-out, SINDy) and saved with its own format.</summary>
public interface IFittable
{
    /// <summary>Fits the component in closed form to the (scaled) training data.</summary>
    void Fit(FitData data);

    /// <summary>Writes the fitted state; <see cref="Load"/> of the bytes must give bit-identical results.</summary>
    void Save(Stream stream);

    /// <summary>Reads a state written by <see cref="Save"/>, replacing the current one.</summary>
    void Load(Stream stream);
}
