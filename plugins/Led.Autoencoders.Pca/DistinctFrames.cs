using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace Led.Autoencoders.Pca;

/// <summary>
/// The distinct training frames, read in chunks of rows straight from the trajectories (no concatenated copy).
/// One pass at construction finds exact duplicates — a hash of each row, confirmed by comparing the rows' values, so
/// memory is one entry per distinct frame — and sums the kept rows for the mean; <see cref="Chunks"/> then yields
/// the kept rows of each chunk, in first-seen order, as float64 <c>[rows, size]</c> tensors.
/// </summary>
internal sealed class DistinctFrames
{
    private readonly Tensor[] _trajectories;
    private readonly int _size;
    private readonly int _chunkRows;
    private readonly List<(int Trajectory, long Start, long[] Kept)> _chunks = [];

    /// <param name="trajectories">Trajectories already flattened to <c>[T, size]</c>.</param>
    public DistinctFrames(IEnumerable<Tensor> trajectories, int size, int chunkRows)
    {
        _trajectories = [.. trajectories];
        _size = size;
        _chunkRows = chunkRows;
        var seen = new Dictionary<int, List<(int Trajectory, long Row)>>();
        var sum = new double[size];
        for (int t = 0; t < _trajectories.Length; t++)
            for (long start = 0; start < _trajectories[t].shape[0]; start += chunkRows)
            {
                long rows = Math.Min(chunkRows, _trajectories[t].shape[0] - start);
                using var chunk = Read(t, start, rows);
                var values = Values(chunk);
                var kept = new List<long>();
                for (long r = 0; r < rows; r++)
                {
                    var row = values.Slice((int)(r * size), size);
                    int hash = Hash(row);
                    if (!seen.TryGetValue(hash, out var same)) seen[hash] = same = [];
                    if (Contains(same, row, t, start, values)) continue;
                    same.Add((t, start + r));
                    kept.Add(r);
                    for (int k = 0; k < size; k++) sum[k] += row[k];
                }
                _chunks.Add((t, start, [.. kept]));
                Count += kept.Count;
            }
        Mean = Count == 0 ? [] : sum.Select(v => v / Count).ToArray();
    }

    /// <summary>Number of distinct frames N.</summary>
    public long Count { get; }

    /// <summary>The mean μ of the distinct frames.</summary>
    public double[] Mean { get; }

    /// <summary>The distinct rows of each chunk, float64 on the CPU, in order; each tensor is disposed when the next is requested.</summary>
    public IEnumerable<Tensor> Chunks()
    {
        foreach (var (t, start, kept) in _chunks)
        {
            if (kept.Length == 0) continue;
            long rows = Math.Min(_chunkRows, _trajectories[t].shape[0] - start);
            var chunk = Select(t, start, rows, kept);
            try
            {
                yield return chunk;
            }
            finally
            {
                chunk.Dispose();
            }
        }
    }

    private Tensor Select(int trajectory, long start, long rows, long[] kept)
    {
        using var view = _trajectories[trajectory].narrow(0, start, rows);
        using var values = view.to(ScalarType.Float64).cpu();
        if (kept.Length == rows) return values.alias();
        using var indices = tensor(kept);
        return values.index_select(0, indices);
    }

    /// <summary>Rows [start, start + rows) of a trajectory as a contiguous float64 CPU tensor (a view when it already is one).</summary>
    private Tensor Read(int trajectory, long start, long rows)
    {
        using var view = _trajectories[trajectory].narrow(0, start, rows);
        using var values = view.to(ScalarType.Float64).cpu();
        return values.contiguous();
    }

    /// <summary>The values of a contiguous float64 CPU tensor, without copying them.</summary>
    private static Span<double> Values(Tensor contiguous) => MemoryMarshal.Cast<byte, double>(contiguous.bytes);

    private bool Contains(List<(int Trajectory, long Row)> candidates, ReadOnlySpan<double> row, int trajectory, long start, ReadOnlySpan<double> chunk)
    {
        foreach (var candidate in candidates)
            if (RowEquals(candidate, row, trajectory, start, chunk)) return true;
        return false;
    }

    /// <summary>Whether an earlier row equals <paramref name="row"/> (read from the current chunk when it lies there).</summary>
    private bool RowEquals((int Trajectory, long Row) earlier, ReadOnlySpan<double> row, int trajectory, long start, ReadOnlySpan<double> chunk)
    {
        if (earlier.Trajectory == trajectory && earlier.Row >= start)
            return chunk.Slice((int)((earlier.Row - start) * _size), _size).SequenceEqual(row);
        using var other = Read(earlier.Trajectory, earlier.Row, 1);
        return Values(other).SequenceEqual(row);
    }

    private static int Hash(ReadOnlySpan<double> row)
    {
        var hash = new HashCode();
        foreach (var v in row) hash.Add(v);
        return hash.ToHashCode();
    }
}
