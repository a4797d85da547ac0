using System.Buffers.Binary;
using System.IO.Compression;
using System.Numerics;
using System.Text;

namespace Led.Core.Training;

/// <summary>
/// Reads the tensor declarations of a PyTorch archive's <c>data.pkl</c> without building anything: a small pickle
/// interpreter over the opcodes <c>torch.save</c> writes (protocols 2–4) that records every
/// <c>torch._utils._rebuild_tensor_v2(storage, offset, size, stride, …)</c> call. The unpickler allocates each tensor from
/// its declared size before any data are read, so a hostile file could ask for terabytes; <see cref="Check"/> accepts a
/// file only when every tensor fits inside its storage and every storage inside its bytes in the archive. No entry may
/// unpack to more than it needs: the pickle to <see cref="MaximumPickleBytes"/> (read through a cap, whatever its header
/// declares), a storage to its declared bytes, any other entry to <see cref="MaximumOtherBytes"/>; a small file that
/// inflates to gigabytes (a zip bomb) is refused before memory grows.
/// </summary>
public static class PickleTensorScan
{
    private sealed record Global(string Module, string Name);

    private sealed record Storage(string Key, string Type, long Elements);

    private sealed class Mark;

    private sealed class Opaque;

    private static readonly Dictionary<string, int> ElementBytes = new(StringComparer.Ordinal)
    {
        ["DoubleStorage"] = 8, ["FloatStorage"] = 4, ["HalfStorage"] = 2, ["BFloat16Storage"] = 2, ["LongStorage"] = 8,
        ["IntStorage"] = 4, ["ShortStorage"] = 2, ["CharStorage"] = 1, ["ByteStorage"] = 1, ["BoolStorage"] = 1,
        ["ComplexFloatStorage"] = 8, ["ComplexDoubleStorage"] = 16,
    };

    /// <summary>Largest <c>data.pkl</c> read (uncompressed): a state dict's pickle holds names and shapes, a few kB per tensor.</summary>
    public const long MaximumPickleBytes = 64L << 20;

    /// <summary>Largest entry accepted that is neither the pickle nor a tensor storage (torch.save writes a few bytes there: version, byte order).</summary>
    public const long MaximumOtherBytes = 1L << 20;

    /// <summary>
    /// Checks the archive at <paramref name="path"/>: every declared tensor lies inside its storage, every storage inside its
    /// record, and all tensors together need at most <paramref name="maximumBytes"/>. Throws <see cref="InvalidDataException"/>.
    /// </summary>
    public static IReadOnlyList<TensorDeclaration> Check(ZipArchive zip, string path, long maximumBytes)
    {
        var pickle = zip.Entries.FirstOrDefault(e => e.FullName.EndsWith("data.pkl", StringComparison.Ordinal))
                     ?? throw new InvalidDataException($"{path} is a zip file but not a PyTorch archive (no data.pkl)");
        string prefix = pickle.FullName[..^"data.pkl".Length];
        var tensors = Scan(ArchiveEntryReader.ReadAll(pickle, path, MaximumPickleBytes), path);
        long total = 0;
        var storages = new HashSet<string>(StringComparer.Ordinal) { pickle.FullName };
        foreach (var t in tensors)
        {
            if (!ElementBytes.TryGetValue(t.StorageType, out int size))
                throw new InvalidDataException($"{path}: tensor storage of unsupported type torch.{t.StorageType}");
            var record = zip.GetEntry(prefix + "data/" + t.Key)
                         ?? throw new InvalidDataException($"{path}: a tensor refers to storage '{t.Key}', which the archive does not hold");
            if (t.StorageElements < 0 || t.StorageElements > record.Length / size)
                throw new InvalidDataException($"{path}: storage '{t.Key}' declares {t.StorageElements} elements of {size} bytes but holds {record.Length} bytes");
            if (record.Length > t.StorageElements * size)
                throw new InvalidDataException($"{path}: entry {record.FullName} unpacks to {record.Length} bytes, more than the " +
                                               $"{t.StorageElements * size} its storage needs: the file is damaged or hostile; save the weights again with torch.save");
            storages.Add(record.FullName);
            long elements = 1, extent = 1;
            try
            {
                for (int i = 0; i < t.Size.Length; i++)
                {
                    if (t.Size[i] < 0 || t.Stride[i] < 0)
                        throw new InvalidDataException($"{path}: a tensor in storage '{t.Key}' declares a negative size or stride");
                    elements = checked(elements * t.Size[i]);
                    if (t.Size[i] > 0) extent = checked(extent + (t.Size[i] - 1) * t.Stride[i]);
                }
                if (elements > 0 && (t.Offset < 0 || checked(t.Offset + extent) > t.StorageElements))
                    throw new InvalidDataException($"{path}: a tensor of size [{string.Join(", ", t.Size)}] does not fit in storage '{t.Key}' ({t.StorageElements} elements)");
                total = checked(total + elements * size);
            }
            catch (OverflowException)
            {
                throw new InvalidDataException($"{path}: a tensor in storage '{t.Key}' declares size [{string.Join(", ", t.Size)}], beyond any memory");
            }
            if (total > maximumBytes)
                throw new InvalidDataException($"{path}: its tensors need more than the {maximumBytes} bytes accepted");
        }
        foreach (var entry in zip.Entries)
            if (!storages.Contains(entry.FullName) && entry.Length > MaximumOtherBytes)
                throw new InvalidDataException($"{path}: entry {entry.FullName} unpacks to {entry.Length} bytes, more than the {MaximumOtherBytes} " +
                                               "accepted for an entry that holds no tensor: the file is damaged or hostile; save the weights again with torch.save");
        return tensors;
    }

    /// <summary>Interprets a pickle and returns the tensors it declares; unsupported opcodes are refused.</summary>
    public static IReadOnlyList<TensorDeclaration> Scan(byte[] pickle, string path)
    {
        var stack = new List<object?>();
        var memo = new Dictionary<long, object?>();
        var tensors = new List<TensorDeclaration>();
        int p = 0;

        InvalidDataException Bad(string what) => new($"{path}: data.pkl {what} (at byte {p})");
        ReadOnlySpan<byte> Take(long n)
        {
            if (n < 0 || n > pickle.Length - p) throw Bad("ends early");
            var span = pickle.AsSpan(p, (int)n);
            p += (int)n;
            return span;
        }
        object? Pop()
        {
            if (stack.Count == 0 || stack[^1] is Mark) throw Bad("pops an empty stack");
            var top = stack[^1];
            stack.RemoveAt(stack.Count - 1);
            return top;
        }
        List<object?> PopToMark()
        {
            int m = stack.FindLastIndex(o => o is Mark);
            if (m < 0) throw Bad("has no mark");
            var items = stack.GetRange(m + 1, stack.Count - m - 1);
            stack.RemoveRange(m, stack.Count - m);
            return items;
        }
        string Line()
        {
            int end = Array.IndexOf(pickle, (byte)'\n', p);
            if (end < 0) throw Bad("ends early");
            string s = Encoding.UTF8.GetString(pickle, p, end - p);
            p = end + 1;
            return s;
        }
        static long Integer(object? o, string what, Func<string, InvalidDataException> bad) =>
            o is long v ? v : throw bad($"gives a non-integer {what}");
        long[] Integers(object? o, string what) =>
            o is List<object?> items ? items.Select(i => Integer(i, what, Bad)).ToArray() : throw Bad($"gives a non-tuple {what}");

        while (true)
        {
            if (p >= pickle.Length) throw Bad("has no STOP");
            byte op = pickle[p++];
            switch (op)
            {
                case 0x80: Take(1); break;                                             // PROTO
                case 0x95: Take(8); break;                                             // FRAME
                case (byte)'.': return tensors;                                        // STOP
                case (byte)'(': stack.Add(new Mark()); break;                          // MARK
                case (byte)')': stack.Add(new List<object?>()); break;                 // EMPTY_TUPLE
                case (byte)']': stack.Add(new List<object?>()); break;                 // EMPTY_LIST
                case (byte)'}': stack.Add(new Opaque()); break;                        // EMPTY_DICT
                case (byte)'t': stack.Add(PopToMark()); break;                         // TUPLE
                case 0x85: stack.Add(new List<object?> { Pop() }); break;              // TUPLE1
                case 0x86: { var b = Pop(); var a = Pop(); stack.Add(new List<object?> { a, b }); break; }
                case 0x87: { var c = Pop(); var b = Pop(); var a = Pop(); stack.Add(new List<object?> { a, b, c }); break; }
                case (byte)'c': stack.Add(new Global(Line(), Line())); break;          // GLOBAL
                case 0x93:                                                             // STACK_GLOBAL
                {
                    var name = Pop() as string ?? throw Bad("names a global by a non-string");
                    var module = Pop() as string ?? throw Bad("names a global by a non-string");
                    stack.Add(new Global(module, name));
                    break;
                }
                case (byte)'q': memo[Take(1)[0]] = Top(); break;                       // BINPUT
                case (byte)'r': memo[BinaryPrimitives.ReadUInt32LittleEndian(Take(4))] = Top(); break;
                case 0x94: memo[memo.Count] = Top(); break;                            // MEMOIZE
                case (byte)'h': stack.Add(Get(Take(1)[0])); break;                     // BINGET
                case (byte)'j': stack.Add(Get(BinaryPrimitives.ReadUInt32LittleEndian(Take(4)))); break;
                case (byte)'X': stack.Add(Encoding.UTF8.GetString(Take(BinaryPrimitives.ReadUInt32LittleEndian(Take(4))))); break;
                case 0x8c: stack.Add(Encoding.UTF8.GetString(Take(Take(1)[0]))); break;
                case 0x8d: stack.Add(Encoding.UTF8.GetString(Take((long)BinaryPrimitives.ReadUInt64LittleEndian(Take(8))))); break;
                case (byte)'U': stack.Add(Encoding.Latin1.GetString(Take(Take(1)[0]))); break;
                case (byte)'T': stack.Add(Encoding.Latin1.GetString(Take(BinaryPrimitives.ReadUInt32LittleEndian(Take(4))))); break;
                case (byte)'C': Take(Take(1)[0]); stack.Add(new Opaque()); break;      // SHORT_BINBYTES
                case (byte)'B': Take(BinaryPrimitives.ReadUInt32LittleEndian(Take(4))); stack.Add(new Opaque()); break;
                case (byte)'J': stack.Add((long)BinaryPrimitives.ReadInt32LittleEndian(Take(4))); break;
                case (byte)'K': stack.Add((long)Take(1)[0]); break;
                case (byte)'M': stack.Add((long)BinaryPrimitives.ReadUInt16LittleEndian(Take(2))); break;
                case 0x8a: stack.Add(Long(Take(Take(1)[0]))); break;                   // LONG1
                case 0x8b: stack.Add(Long(Take(BinaryPrimitives.ReadInt32LittleEndian(Take(4))))); break;
                case (byte)'G': Take(8); stack.Add(new Opaque()); break;               // BINFLOAT
                case 0x88: case 0x89: stack.Add(new Opaque()); break;                  // NEWTRUE, NEWFALSE
                case (byte)'N': stack.Add(null); break;                                // NONE
                case (byte)'0': Pop(); break;                                          // POP
                case (byte)'1': PopToMark(); break;                                    // POP_MARK
                case (byte)'2': stack.Add(Top()); break;                               // DUP
                case (byte)'Q':                                                        // BINPERSID
                {
                    if (Pop() is not List<object?> { Count: 5 } id || id[0] as string != "storage" || id[1] is not Global type || id[2] is not string key)
                        throw Bad("has a persistent id that is not a tensor storage");
                    stack.Add(new Storage(key, type.Name, Integer(id[4], "storage size", Bad)));
                    break;
                }
                case (byte)'R':                                                        // REDUCE
                case 0x81:                                                             // NEWOBJ
                {
                    var args = Pop() as List<object?> ?? throw Bad("calls with non-tuple arguments");
                    var callable = Pop();
                    if (callable is Global { Module: "torch._utils", Name: "_rebuild_tensor_v2" or "_rebuild_tensor" })
                    {
                        if (args.Count < 4 || args[0] is not Storage storage) throw Bad("rebuilds a tensor without a storage");
                        var size = Integers(args[2], "tensor size");
                        var stride = Integers(args[3], "tensor stride");
                        if (size.Length != stride.Length) throw Bad("gives a tensor size and stride of different lengths");
                        tensors.Add(new TensorDeclaration(storage.Key, storage.Type, storage.Elements, Integer(args[1], "storage offset", Bad), size, stride));
                    }
                    stack.Add(new Opaque());
                    break;
                }
                case (byte)'b': Pop(); Top(); break;                                   // BUILD
                case (byte)'s': Pop(); Pop(); Top(); break;                            // SETITEM
                case (byte)'u': PopToMark(); Top(); break;                             // SETITEMS
                case (byte)'a': Pop(); Top(); break;                                   // APPEND
                case (byte)'e': PopToMark(); Top(); break;                             // APPENDS
                default: throw Bad($"uses pickle opcode 0x{op:x2}, which torch.save does not write");
            }
        }

        object? Top() => stack.Count > 0 && stack[^1] is not Mark ? stack[^1] : throw Bad("refers to an empty stack");
        object? Get(long key) => memo.TryGetValue(key, out var value) ? value : throw Bad($"reads memo {key}, never stored");
        object Long(ReadOnlySpan<byte> bytes)
        {
            var value = new BigInteger(bytes, isUnsigned: false, isBigEndian: false);
            return value >= long.MinValue && value <= long.MaxValue ? (long)value : throw Bad("holds an integer beyond 64 bits");
        }
    }
}
