namespace Led.Abstractions.Learning;

/// <summary>A component fitted in closed form (PCA, reservoir read-out, SINDy) and saved with its own format.</summary>
public interface IFittable
{
    void Fit(FitData data);

    void Save(Stream stream);

    void Load(Stream stream);
}
