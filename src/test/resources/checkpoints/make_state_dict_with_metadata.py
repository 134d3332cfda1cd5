# Generates src/test/resources/checkpoints/state_dict_with_metadata.pt offline, emulating what
# torch.save(model.state_dict()) writes (protocol 2, OrderedDict with a _metadata attribute, shared storage views),
# using stand-in torch classes so that no torch install is needed.
import sys, types, pickle, collections, zipfile, struct
torch = types.ModuleType('torch'); utils = types.ModuleType('torch._utils')
sys.modules['torch'] = torch; sys.modules['torch._utils'] = utils; torch._utils = utils
class FloatStorage: pass
FloatStorage.__module__ = 'torch'; torch.FloatStorage = FloatStorage
class HalfStorage: pass
HalfStorage.__module__ = 'torch'; torch.HalfStorage = HalfStorage
def _rebuild_tensor_v2(*a): raise RuntimeError
_rebuild_tensor_v2.__module__ = 'torch._utils'; utils._rebuild_tensor_v2 = _rebuild_tensor_v2
def _rebuild_parameter(*a): raise RuntimeError
_rebuild_parameter.__module__ = 'torch._utils'; utils._rebuild_parameter = _rebuild_parameter
class Storage:
    def __init__(s, cls, key, numel): s.cls, s.key, s.numel = cls, key, numel
class T:
    def __init__(s, st, off, size, stride): s.a = (st, off, size, stride, False, collections.OrderedDict())
    def __reduce_ex__(s, proto): return (_rebuild_tensor_v2, s.a)
class Param:
    def __init__(s, t): s.t = t
    def __reduce_ex__(s, proto): return (_rebuild_parameter, (s.t, True, collections.OrderedDict()))
class P(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, Storage): return ('storage', obj.cls, obj.key, 'cpu', obj.numel)
        return None
s0 = Storage(FloatStorage, '0', 12); s1 = Storage(HalfStorage, '1', 4)
sd = collections.OrderedDict()
sd['layer.weight'] = T(s0, 0, (3, 4), (4, 1))          # rows of 0..11
sd['layer.weight_t'] = T(s0, 0, (4, 3), (1, 4))        # its transpose, same storage
sd['layer.bias'] = Param(T(s0, 8, (2,), (2,)))          # [8, 10] as an nn.Parameter
sd['half'] = T(s1, 1, (3,), (1,))                       # [-2, 0.5, 65504]
sd['scalar'] = T(s0, 11, (), ())
sd._metadata = collections.OrderedDict([('', {'version': 1}), ('layer', {'version': 1})])
import io
buf = io.BytesIO(); P(buf, protocol=2).dump(sd)
out = sys.argv[1]
with zipfile.ZipFile(out, 'w', zipfile.ZIP_STORED) as z:
    z.writestr('state_dict_with_metadata/data.pkl', buf.getvalue())
    z.writestr('state_dict_with_metadata/byteorder', 'little')
    z.writestr('state_dict_with_metadata/data/0', struct.pack('<12f', *range(12)))
    z.writestr('state_dict_with_metadata/data/1', struct.pack('<4H', 0x3C00, 0xC000, 0x3800, 0x7BFF))
    z.writestr('state_dict_with_metadata/version', '3\n')

