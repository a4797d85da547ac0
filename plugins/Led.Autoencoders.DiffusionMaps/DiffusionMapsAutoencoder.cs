// Diffusion maps (Coifman–Lafon) as an encoder/decoder, fitted in closed form on the scaled training frames as the
// reference does (exact duplicates removed first):
//   landmarks: the L = min(N, maxLandmarks) distinct frames at positions ⌊i·N/L⌋, i = 0 … L − 1 (all of them when
//     N ≤ maxLandmarks, an even stride through the frames in order otherwise, so the sample keeps the data's density);
//   kernel: K_ij = exp(−d_ij²/ε²) on the landmarks, ε = epsilonFactor · median of all L² pairwise distances (the
//     diagonal included, numpy's median), Markov matrix P = D⁻¹K with D = diag(Σ_j K_ij);
//   eigenpairs: P is similar to the symmetric S = D^{-1/2} K D^{-1/2}; S v = λ v (torch.linalg.eigh) gives the right
//     eigenvectors ψ = D^{-1/2} v of P; ψ_2 … ψ_{d_z+1} (λ descending, the constant ψ_1 left out) normalised to unit
//     2-norm as the reference's eigenvectors are, not scaled by λ, each signed so that its largest |entry| is positive;
//   encoder (Nyström): ψ_j(x) = (1/λ_j) Σ_i p(x, x_i) ψ_j(x_i), p the kernel between x and the landmarks normalised
//     to sum 1 (computed after subtracting the least d² of the row, which the normalisation cancels, so that no row
//     underflows); at a landmark it reproduces ψ_j there, because P ψ_j = λ_j ψ_j;
//   decoder (lifting): DiffusionMapsLifting over every distinct training frame with its Nyström coordinates.
// Complexity: fit O(N·D) to remove duplicates, O(L²·D) for the kernel, O(L³) for the eigenpairs and O(N·L·D) for the
// coordinates of all frames; memory O(L² + N·D) (the Nyström products in blocks of 1024 rows). Encode O(B·L·D),
// decode O(B·(N·d_z + k·D)) plus the small convex least squares.
using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using Led.Toolkit.Learning;
using TorchSharp;
using static TorchSharp.torch;

namespace Led.Autoencoders.DiffusionMaps;

/// <summary>
/// Diffusion maps fitted on the scaled training frames: z = the Nyström extension of the diffusion coordinates
/// ψ_2 … ψ_{d_z+1} of a Gaussian-kernel Markov matrix on (at most <see cref="DiffusionMapsOptions.MaxLandmarks"/>)
/// landmark frames; x̂ = the convex combination of the frames of the k nearest training latents that best matches z.
/// Fit time O(N·L·D + L³), memory O(L² + N·D) for N distinct frames of D values and L landmarks.
/// </summary>
public sealed class DiffusionMapsAutoencoder : IAutoencoder, IFittable, IFastDecoderSource, IDisposable
{
    private const string Format = "led-diffusion-maps-v1";
    private const int Block = 1024;
    private readonly IDeviceContext _device;
    private readonly DiffusionMapsOptions _options;
    private readonly int[] _shape;
    private readonly int _size;
    private Tensor? _landmarks;
    private Tensor? _landmarkNorms;
    private Tensor? _nystrom;
    private double _epsilon;
    private DiffusionMapsLifting? _lifting;
    private bool _disposed;

    public DiffusionMapsAutoencoder(DiffusionMapsOptions options, SystemDescription system, IDeviceContext device)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(system);
        options.CheckShapes(system, null);
        _options = options;
        _device = device;
        _shape = system.Shape;
        _size = system.Size;
        LatentDim = options.LatentDim;
    }

    public int LatentDim { get; }

    /// <summary>The eigenvalues λ_2 … λ_{d_z+1} of the Markov matrix behind the kept coordinates.</summary>
    public double[] Eigenvalues { get; private set; } = [];

    /// <summary>The kernel width ε of the fit.</summary>
    public double Epsilon => _epsilon;

    /// <summary>Landmarks the kernel was built on (L).</summary>
    public int LandmarkCount => (int)(_landmarks?.shape[0] ?? 0);

    /// <summary>Distinct training frames the decoder combines (N).</summary>
    public int FrameCount => _lifting?.Count ?? 0;

    public Tensor Encode(Tensor states)
    {
        Fitted();
        using var flat = Flatten(states);
        return Nystrom(flat);
    }

    public Tensor Decode(Tensor latents)
    {
        var lifting = Fitted();
        if (latents.dim() != 2 || latents.shape[1] != LatentDim)
            throw new ArgumentException($"expected latents [B, {LatentDim}], got [{string.Join(", ", latents.shape)}]");
        int count = (int)latents.shape[0];
        using var cpu = latents.detach().cpu().to(ScalarType.Float64).contiguous();
        var z = cpu.data<double>().ToArray();
        var states = new double[count * _size];
        for (int b = 0; b < count; b++)
            lifting.Decode(z.AsSpan(b * LatentDim, LatentDim), states.AsSpan(b * _size, _size));
        using var decoded = tensor(states, [count, .. _shape.Select(d => (long)d)]);
        return decoded.to(_device.DType).to(_device.Device);
    }

    /// <summary>The lifting on plain arrays (no tensors).</summary>
    public IFastDecoder CompileDecoder() => Fitted();

    public void Fit(FitData data)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(data);
        using var scope = NewDisposeScope();
        var frames = cat(data.Training.Select(Flatten).ToArray(), 0).to(ScalarType.Float64).cpu().contiguous();
        var distinct = DistinctRows.Of(frames.data<double>().ToArray(), _size);
        int count = distinct.Length / _size;
        if (count <= LatentDim + 1)
            throw new ArgumentException($"diffusion maps with latentDim = {LatentDim} need at least {LatentDim + 2} distinct training frames, got {count}");
        var all = tensor(distinct, [count, _size]);
        int landmarks = Math.Min(count, _options.MaxLandmarks);
        var landmarkRows = tensor(Enumerable.Range(0, landmarks).Select(i => (long)i * count / landmarks).ToArray());
        var x = all.index_select(0, landmarkRows);
        var squared = SquaredDistances(x, x.square().sum(1), x);
        double epsilon = _options.EpsilonFactor * Median(squared);
        // In place from here on: the L × L matrices dominate the memory. eigh reads the lower triangle only.
        var kernel = squared.div_(-epsilon * epsilon).exp_();
        var inverseRoot = kernel.sum(1).rsqrt();
        var symmetric = kernel.mul_(inverseRoot.unsqueeze(1)).mul_(inverseRoot.unsqueeze(0));
        var (values, vectors) = linalg.eigh(symmetric);
        symmetric.Dispose();
        var kept = arange(landmarks - 2, landmarks - 2 - LatentDim, -1, dtype: ScalarType.Int64);
        var lambda = values.index_select(0, kept);
        var eigenvalues = lambda.data<double>().ToArray();
        int bad = Array.FindIndex(eigenvalues, v => !(v > 0) || !double.IsFinite(v));
        if (bad >= 0)
            throw new InvalidOperationException($"diffusion maps: eigenvalue λ_{bad + 2} = {eigenvalues[bad]:G3} of the landmark kernel is not positive, so its Nyström extension is undefined: lower latentDim ({LatentDim}) or epsilonFactor ({_options.EpsilonFactor})");
        var psi = vectors.index_select(1, kept).mul_(inverseRoot.unsqueeze(1));
        psi = psi.div_(linalg.vector_norm(psi, dims: [0], keepdim: true));
        var largest = psi.abs().argmax(0, keepdim: true);
        psi = psi.mul_(psi.gather(0, largest).sign());
        Eigenvalues = eigenvalues;
        Replace(x, psi.div(lambda.unsqueeze(0)), epsilon);
        using var coordinates = Nystrom(all.to(_device.DType).to(_device.Device));
        _lifting = new DiffusionMapsLifting(distinct, coordinates.cpu().to(ScalarType.Float64).contiguous().data<double>().ToArray(), _size, LatentDim, _options.Neighbors);
    }

    public void Save(Stream stream)
    {
        var lifting = Fitted();
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Format);
        writer.Write(LatentDim);
        writer.Write(_size);
        writer.Write(LandmarkCount);
        writer.Write(lifting.Count);
        writer.Write(_epsilon);
        Write(writer, Eigenvalues);
        Write(writer, Values(_landmarks!));
        Write(writer, Values(_nystrom!));
        Write(writer, lifting.Frames);
        Write(writer, lifting.Latents);
    }

    public void Load(Stream stream)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        if (reader.ReadString() != Format) throw new InvalidDataException("not a saved diffusion-maps model");
        int latent = reader.ReadInt32(), size = reader.ReadInt32(), landmarks = reader.ReadInt32(), count = reader.ReadInt32();
        if (latent != LatentDim || size != _size)
            throw new InvalidDataException($"saved diffusion maps have d_z = {latent} on {size} values; these are configured for d_z = {LatentDim} on {_size}");
        double epsilon = reader.ReadDouble();
        var eigenvalues = Read(reader, latent);
        var x = Read(reader, landmarks * size);
        var nystrom = Read(reader, landmarks * latent);
        var frames = Read(reader, count * size);
        var latents = Read(reader, count * latent);
        Eigenvalues = eigenvalues;
        using var scope = NewDisposeScope();
        Replace(tensor(x, [landmarks, size]), tensor(nystrom, [landmarks, latent]), epsilon);
        _lifting = new DiffusionMapsLifting(frames, latents, _size, LatentDim, _options.Neighbors);
    }

    /// <summary>Nyström coordinates of flat states <c>[B, D]</c>, in blocks of <see cref="Block"/> rows.</summary>
    private Tensor Nystrom(Tensor flat)
    {
        using var outer = NewDisposeScope();
        var blocks = new List<Tensor>();
        for (long start = 0; start < flat.shape[0]; start += Block)
        {
            using var scope = NewDisposeScope();
            var rows = flat.narrow(0, start, Math.Min(Block, flat.shape[0] - start));
            var squared = SquaredDistances(rows, _landmarkNorms!, _landmarks!);
            var shifted = squared.sub_(squared.amin([1], keepdim: true));
            var kernel = shifted.div_(-_epsilon * _epsilon).exp_();
            var transition = kernel.div_(kernel.sum(1, keepdim: true));
            blocks.Add(transition.matmul(_nystrom!).MoveToOuterDisposeScope());
        }
        var coordinates = blocks.Count switch
        {
            0 => zeros([0, LatentDim], dtype: _device.DType, device: _device.Device),
            1 => blocks[0],
            _ => cat(blocks, 0),
        };
        return coordinates.MoveToOuterDisposeScope();
    }

    /// <summary>‖a_i − b_j‖² = ‖a_i‖² + ‖b_j‖² − 2 a_i·b_j, clamped at 0; <paramref name="bNorms"/> holds ‖b_j‖².</summary>
    private static Tensor SquaredDistances(Tensor a, Tensor bNorms, Tensor b) =>
        a.square().sum(1, keepdim: true).add(bNorms.unsqueeze(0)).sub_(a.matmul(b.t()).mul_(2)).clamp_min_(0);

    /// <summary>numpy's median of the distances whose squares are given: the mean of the two middle values of an even count.</summary>
    private static double Median(Tensor squared)
    {
        using var scope = NewDisposeScope();
        var flat = squared.flatten();
        long n = flat.shape[0];
        double Kth(long k) => flat.kthvalue(k, 0).values.item<double>();
        double middle = n % 2 == 1 ? Math.Sqrt(Kth(n / 2 + 1)) : 0.5 * (Math.Sqrt(Kth(n / 2)) + Math.Sqrt(Kth(n / 2 + 1)));
        return middle;
    }

    /// <summary>
    /// Keeps copies in memory of the tensor allocator: a tensor made from an array may wrap that array, and BLAS kernels
    /// can round differently on differently aligned memory, which would break bit identity after <see cref="Load"/>.
    /// </summary>
    private void Replace(Tensor landmarks, Tensor nystrom, double epsilon)
    {
        ReleaseTensors();
        _landmarks = landmarks.to(_device.DType).to(_device.Device).clone().DetachFromDisposeScope();
        _landmarkNorms = _landmarks.square().sum(1).DetachFromDisposeScope();
        _nystrom = nystrom.to(_device.DType).to(_device.Device).clone().DetachFromDisposeScope();
        _epsilon = epsilon;
    }

    private DiffusionMapsLifting Fitted()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _lifting ?? throw new InvalidOperationException("the diffusion maps have not been fitted: call Fit (training) or Load (a trained model) first");
    }

    /// <summary>Releases the fitted tensors; the diffusion maps cannot be used afterwards. Idempotent.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        ReleaseTensors();
        _lifting = null;
    }

    private void ReleaseTensors()
    {
        _landmarks?.Dispose();
        _landmarkNorms?.Dispose();
        _nystrom?.Dispose();
        (_landmarks, _landmarkNorms, _nystrom) = (null, null, null);
    }

    private Tensor Flatten(Tensor states)
    {
        if (states.dim() != _shape.Length + 1 || !states.shape[1..].SequenceEqual(_shape.Select(d => (long)d)))
            throw new ArgumentException($"expected states [B, {string.Join(", ", _shape)}], got [{string.Join(", ", states.shape)}]");
        return states.reshape(-1, _size);
    }

    private static double[] Values(Tensor t) => t.cpu().to(ScalarType.Float64).contiguous().data<double>().ToArray();

    private static void Write(BinaryWriter writer, double[] values)
    {
        foreach (var v in values) writer.Write(v);
    }

    private static double[] Read(BinaryReader reader, int count)
    {
        var values = new double[count];
        for (int i = 0; i < count; i++) values[i] = reader.ReadDouble();
        return values;
    }
}
