//! The AST as a compact binary tape that a small JavaScript reader turns into
//! exactly the objects `JSON.parse` of the JSON form would give: the same
//! keys in the same order, the same values.
//!
//! Why: the JSON of swc's AST is ~14 bytes per byte of source, and
//! `JSON.parse` of it took two thirds of a parse call (920 µs of 1.46 ms for
//! a 10.7 KiB file). An AST repeats a few dozen object shapes and a few
//! hundred strings; the tape names each once, and the reader builds every
//! object of one shape with one compiled object literal (V8 gives all of
//! them one hidden class), so nothing is scanned, hashed or looked up per
//! key.
//!
//! It is written through swc's own `Serialize` impls, mapping each serde
//! call the way `serde_json` maps it to JSON (`None` and non-finite floats
//! to `null`, integers and floats to numbers, variants as serde_json tags
//! them), so the two forms cannot drift apart.
//!
//! The format, one tag byte per value:
//! - `NULL`, `FALSE`, `TRUE`;
//! - `UINT` + LEB128: an integer in `0..2^53` (stored exactly as a double);
//! - `F64` + 8 bytes little-endian: any other number;
//! - `STR_NEW` + LEB128 length in UTF-16 units: the next string of the
//!   call's string table, which also gets the next string index;
//! - `STR` + LEB128 index: a string seen before in this call;
//! - `ARRAY`, the items, `END`;
//! - `OBJECT` + u16 shape (little-endian), then one value per key of the
//!   shape, in its order.
//!
//! Shapes (key lists) are numbered by a [`Shapes`] registry that outlives
//! calls, so the reader compiles each shape once per process: every call
//! reports the shapes added since the count its caller already knows. A
//! binding keeps one [`Session`] per thread.

use crate::error::{CfnError, Result};
use rustc_hash::FxHashMap;
use serde::ser::{self, Serialize};

/// Tag bytes of the tape (see the module doc; `lib/ast-tape.js` reads them).
pub mod tag {
    /// `null`.
    pub const NULL: u8 = 0;
    /// `false`.
    pub const FALSE: u8 = 1;
    /// `true`.
    pub const TRUE: u8 = 2;
    /// An integer in `0..2^53`, LEB128.
    pub const UINT: u8 = 3;
    /// A double, 8 bytes little-endian.
    pub const F64: u8 = 4;
    /// A new string: its UTF-16 length, LEB128; the text is next in the table.
    pub const STR_NEW: u8 = 5;
    /// A string already sent in this call: its index, LEB128.
    pub const STR: u8 = 6;
    /// An array: items until `END`.
    pub const ARRAY: u8 = 7;
    /// The end of an array.
    pub const END: u8 = 8;
    /// An object: a u16 shape id, then its values.
    pub const OBJECT: u8 = 9;
}

/// Most shapes a registry holds (the shape id is two bytes). swc's AST has a
/// few hundred node types; a whole 9 MB `typescript.js` uses well under a
/// thousand shapes.
const MAX_SHAPES: usize = 1 << 16;
/// Largest integer sent as `UINT` (beyond it a double is exact no more).
const MAX_SAFE: u64 = (1 << 53) - 1;

/// The object shapes seen so far, numbered in order of first use. Keep one
/// per reader (the reader's compiled shapes are indexed by these numbers).
#[derive(Default)]
pub struct Shapes {
    /// Key ids of struct fields, by the address and length of the `'static`
    /// name serde passes (no hashing of the text on the hot path).
    static_keys: FxHashMap<(usize, usize), u32>,
    /// Key ids by text, for map keys (flattened structs) and first sightings.
    keys_by_text: FxHashMap<Box<str>, u32>,
    key_names: Vec<Box<str>>,
    ids: FxHashMap<Box<[u32]>, u16>,
    list: Vec<Box<[u32]>>,
}

impl Shapes {
    /// How many shapes are numbered.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Whether no shape is numbered yet.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The key lists of shapes `from..` as a JSON array of arrays of
    /// strings, or `None` when there are none.
    pub fn definitions_since(&self, from: usize) -> Option<String> {
        let new = self.list.get(from..).filter(|s| !s.is_empty())?;
        let defs: Vec<Vec<&str>> = new.iter().map(|keys| keys.iter().map(|&k| &*self.key_names[k as usize]).collect()).collect();
        serde_json::to_string(&defs).ok()
    }

    fn key_of_text(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.keys_by_text.get(name) {
            return id;
        }
        let id = self.key_names.len() as u32;
        self.key_names.push(name.into());
        self.keys_by_text.insert(name.into(), id);
        id
    }

    fn key_of_static(&mut self, name: &'static str) -> u32 {
        let at = (name.as_ptr() as usize, name.len());
        if let Some(&id) = self.static_keys.get(&at) {
            return id;
        }
        let id = self.key_of_text(name);
        self.static_keys.insert(at, id);
        id
    }

    fn shape_of(&mut self, keys: &[u32]) -> std::result::Result<u16, Error> {
        if let Some(&id) = self.ids.get(keys) {
            return Ok(id);
        }
        if self.list.len() >= MAX_SHAPES {
            return Err(Error(format!("AST has more than {MAX_SHAPES} object shapes")));
        }
        let id = self.list.len() as u16;
        self.list.push(keys.into());
        self.ids.insert(keys.into(), id);
        Ok(id)
    }
}

/// One call's output: the tape and the string table it indexes.
#[derive(Default)]
pub struct Tape {
    /// The values (see the module doc).
    pub bytes: Vec<u8>,
    /// The new strings, concatenated in order of first use.
    pub strings: String,
    seen: FxHashMap<Box<str>, u32>,
}

/// Buffers kept between calls up to this capacity (a huge file's tape is
/// not held for the life of the thread).
const KEEP_BYTES: usize = 4 << 20;

impl Tape {
    fn clear(&mut self) {
        if self.bytes.capacity() > KEEP_BYTES || self.strings.capacity() > KEEP_BYTES {
            *self = Tape::default();
        }
        self.bytes.clear();
        self.strings.clear();
        self.seen.clear();
    }
}

/// What a binding keeps per thread: the shape registry, the id it is known
/// by, and the reused output buffers.
pub struct Session {
    id: u64,
    shapes: Shapes,
    tape: Tape,
}

/// One parse's output, borrowed from the session.
pub struct Written<'a> {
    /// The tape and its string table.
    pub tape: &'a Tape,
    /// The JSON of the shapes the caller's reader lacks, or `None`.
    pub shapes: Option<String>,
    /// The id of the registry that numbered them (the caller passes it back).
    pub registry: u64,
}

impl Session {
    /// A session whose registry is known by `id`. Ids must not repeat
    /// where one reader could meet two registries (a fresh wasm instance
    /// after a trap): a process-wide counter, or a random number.
    pub fn new(id: u64) -> Session {
        Session { id, shapes: Shapes::default(), tape: Tape::default() }
    }

    /// The tape of `src`'s AST for a reader that holds the first `known`
    /// shapes of registry `registry`: when that is not this session's
    /// registry (a first call, or a fresh instance), every shape is sent.
    /// A reader claiming more shapes than the registry has is refused.
    pub fn parse(&mut self, src: &str, lang: super::Lang, known: usize, registry: u64) -> Result<Written<'_>> {
        let known = if registry == self.id { known } else { 0 };
        if known > self.shapes.len() {
            return Err(CfnError::InvalidArg(format!("known shapes {known} > {}", self.shapes.len())));
        }
        super::parse_to_tape(src, lang, &mut self.shapes, &mut self.tape)?;
        Ok(Written { tape: &self.tape, shapes: self.shapes.definitions_since(known), registry: self.id })
    }
}

/// Writes `value` into `tape` (cleared first), numbering new shapes in
/// `shapes`.
pub fn write<T: Serialize + ?Sized>(value: &T, shapes: &mut Shapes, tape: &mut Tape) -> Result<()> {
    tape.clear();
    let mut w = Writer { shapes, tape, keys: Vec::with_capacity(64) };
    value.serialize(&mut w).map_err(|e| CfnError::Limit(format!("AST not serializable: {}", e.0)))
}

/// A serialization failure (only an impossible shape count or a map key
/// JSON could not hold).
#[derive(Debug)]
pub struct Error(String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

struct Writer<'a> {
    shapes: &'a mut Shapes,
    tape: &'a mut Tape,
    /// The keys of the objects being written, innermost last.
    keys: Vec<u32>,
}

impl Writer<'_> {
    fn byte(&mut self, b: u8) {
        self.tape.bytes.push(b);
    }

    fn leb(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.tape.bytes.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.tape.bytes.push(v as u8);
    }

    fn uint(&mut self, v: u64) {
        if v <= MAX_SAFE {
            self.byte(tag::UINT);
            self.leb(v);
        } else {
            self.f64(v as f64);
        }
    }

    fn int(&mut self, v: i64) {
        if v >= 0 {
            self.uint(v as u64);
        } else {
            self.f64(v as f64);
        }
    }

    /// serde_json writes non-finite numbers as `null`.
    fn f64(&mut self, v: f64) {
        if !v.is_finite() {
            self.byte(tag::NULL);
        } else if v >= 0.0 && v.fract() == 0.0 && v <= MAX_SAFE as f64 && v.is_sign_positive() {
            self.byte(tag::UINT);
            self.leb(v as u64);
        } else {
            self.byte(tag::F64);
            self.tape.bytes.extend_from_slice(&v.to_le_bytes());
        }
    }

    fn str(&mut self, s: &str) {
        if let Some(&i) = self.tape.seen.get(s) {
            self.byte(tag::STR);
            self.leb(i as u64);
            return;
        }
        let index = self.tape.seen.len() as u32;
        self.tape.seen.insert(s.into(), index);
        let units = if s.is_ascii() { s.len() } else { s.chars().map(char::len_utf16).sum() };
        self.byte(tag::STR_NEW);
        self.leb(units as u64);
        self.tape.strings.push_str(s);
    }

    /// Starts an object: the tag and room for its shape id.
    fn open(&mut self) -> Open {
        self.byte(tag::OBJECT);
        let at = self.tape.bytes.len();
        self.tape.bytes.extend_from_slice(&[0, 0]);
        Open { at, keys_from: self.keys.len() }
    }

    /// Ends an object: numbers its key list and writes the id.
    fn close(&mut self, o: Open) -> std::result::Result<(), Error> {
        let id = self.shapes.shape_of(&self.keys[o.keys_from..])?;
        self.keys.truncate(o.keys_from);
        self.tape.bytes[o.at..o.at + 2].copy_from_slice(&id.to_le_bytes());
        Ok(())
    }

    fn static_key(&mut self, k: &'static str) {
        let id = self.shapes.key_of_static(k);
        self.keys.push(id);
    }
}

/// An object being written: where its shape id goes, where its keys start.
#[derive(Clone, Copy)]
struct Open {
    at: usize,
    keys_from: usize,
}

/// A compound value being written. `outer` is the `{variant: ...}` object
/// around a tuple or struct variant.
struct Compound<'w, 'a> {
    w: &'w mut Writer<'a>,
    inner: Option<Open>,
    outer: Option<Open>,
}

impl Compound<'_, '_> {
    fn end_array(self) -> std::result::Result<(), Error> {
        self.w.byte(tag::END);
        if let Some(o) = self.outer {
            self.w.close(o)?;
        }
        Ok(())
    }

    fn end_object(self) -> std::result::Result<(), Error> {
        if let Some(o) = self.inner {
            self.w.close(o)?;
        }
        if let Some(o) = self.outer {
            self.w.close(o)?;
        }
        Ok(())
    }
}

type R = std::result::Result<(), Error>;

impl<'w, 'a> ser::Serializer for &'w mut Writer<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'w, 'a>;
    type SerializeTuple = Compound<'w, 'a>;
    type SerializeTupleStruct = Compound<'w, 'a>;
    type SerializeTupleVariant = Compound<'w, 'a>;
    type SerializeMap = Compound<'w, 'a>;
    type SerializeStruct = Compound<'w, 'a>;
    type SerializeStructVariant = Compound<'w, 'a>;

    fn serialize_bool(self, v: bool) -> R {
        self.byte(if v { tag::TRUE } else { tag::FALSE });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> R {
        self.int(v.into());
        Ok(())
    }
    fn serialize_i16(self, v: i16) -> R {
        self.int(v.into());
        Ok(())
    }
    fn serialize_i32(self, v: i32) -> R {
        self.int(v.into());
        Ok(())
    }
    fn serialize_i64(self, v: i64) -> R {
        self.int(v);
        Ok(())
    }
    fn serialize_i128(self, v: i128) -> R {
        if v >= 0 {
            self.serialize_u128(v as u128)
        } else {
            self.f64(v as f64);
            Ok(())
        }
    }
    fn serialize_u8(self, v: u8) -> R {
        self.uint(v.into());
        Ok(())
    }
    fn serialize_u16(self, v: u16) -> R {
        self.uint(v.into());
        Ok(())
    }
    fn serialize_u32(self, v: u32) -> R {
        self.uint(v.into());
        Ok(())
    }
    fn serialize_u64(self, v: u64) -> R {
        self.uint(v);
        Ok(())
    }
    fn serialize_u128(self, v: u128) -> R {
        match u64::try_from(v) {
            Ok(v) => self.uint(v),
            Err(_) => self.f64(v as f64),
        }
        Ok(())
    }
    /// serde_json writes an f32's shortest decimal, which `JSON.parse` reads
    /// as the nearest double to that decimal (not the f32's exact value).
    fn serialize_f32(self, v: f32) -> R {
        let as_json = if v.is_finite() { v.to_string().parse::<f64>().unwrap_or(f64::NAN) } else { f64::NAN };
        self.f64(as_json);
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> R {
        self.f64(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> R {
        self.str(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> R {
        self.str(v);
        Ok(())
    }
    /// serde_json writes bytes as an array of numbers.
    fn serialize_bytes(self, v: &[u8]) -> R {
        self.byte(tag::ARRAY);
        for &b in v {
            self.uint(b.into());
        }
        self.byte(tag::END);
        Ok(())
    }
    fn serialize_none(self) -> R {
        self.byte(tag::NULL);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> R {
        value.serialize(self)
    }
    fn serialize_unit(self) -> R {
        self.byte(tag::NULL);
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> R {
        self.byte(tag::NULL);
        Ok(())
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> R {
        self.str(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> R {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(self, _name: &'static str, _index: u32, variant: &'static str, value: &T) -> R {
        let o = self.open();
        self.static_key(variant);
        value.serialize(&mut *self)?;
        self.close(o)
    }
    fn serialize_seq(self, _len: Option<usize>) -> std::result::Result<Self::SerializeSeq, Error> {
        self.byte(tag::ARRAY);
        Ok(Compound { w: self, inner: None, outer: None })
    }
    fn serialize_tuple(self, len: usize) -> std::result::Result<Self::SerializeTuple, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> std::result::Result<Self::SerializeTupleStruct, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(self, _name: &'static str, _index: u32, variant: &'static str, _len: usize) -> std::result::Result<Self::SerializeTupleVariant, Error> {
        let outer = self.open();
        self.static_key(variant);
        self.byte(tag::ARRAY);
        Ok(Compound { w: self, inner: None, outer: Some(outer) })
    }
    fn serialize_map(self, _len: Option<usize>) -> std::result::Result<Self::SerializeMap, Error> {
        let inner = self.open();
        Ok(Compound { w: self, inner: Some(inner), outer: None })
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> std::result::Result<Self::SerializeStruct, Error> {
        let inner = self.open();
        Ok(Compound { w: self, inner: Some(inner), outer: None })
    }
    fn serialize_struct_variant(self, _name: &'static str, _index: u32, variant: &'static str, _len: usize) -> std::result::Result<Self::SerializeStructVariant, Error> {
        let outer = self.open();
        self.static_key(variant);
        let inner = self.open();
        Ok(Compound { w: self, inner: Some(inner), outer: Some(outer) })
    }
}

/// The array-like compounds: each item is a value; the end closes the array
/// (and a variant's object around it).
macro_rules! array_like {
    ($($trait:ident :: $method:ident),*) => {
        $(impl ser::$trait for Compound<'_, '_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> R {
                value.serialize(&mut *self.w)
            }
            fn end(self) -> R {
                self.end_array()
            }
        })*
    };
}

array_like!(SerializeSeq::serialize_element, SerializeTuple::serialize_element, SerializeTupleStruct::serialize_field, SerializeTupleVariant::serialize_field);





impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> R {
        let name = key.serialize(MapKey)?;
        let id = self.w.shapes.key_of_text(&name);
        self.w.keys.push(id);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> R {
        value.serialize(&mut *self.w)
    }
    fn end(self) -> R {
        self.end_object()
    }
}

/// The struct-like compounds: each field is a key of the shape and a value.
macro_rules! struct_like {
    ($($trait:ident),*) => {
        $(impl ser::$trait for Compound<'_, '_> {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> R {
                self.w.static_key(key);
                value.serialize(&mut *self.w)
            }
            fn end(self) -> R {
                self.end_object()
            }
        })*
    };
}

struct_like!(SerializeStruct, SerializeStructVariant);



/// A map key as the text serde_json would write between its quotes:
/// strings and chars as they are, integers and booleans in decimal.
struct MapKey;

type K = std::result::Result<String, Error>;

fn no_key() -> Error {
    Error("key must be a string".into())
}

/// Map-key methods that write the value's `Display` (serde_json quotes
/// integers and booleans as keys).
macro_rules! decimal_keys {
    ($($method:ident: $t:ty),* $(,)?) => {
        $(fn $method(self, v: $t) -> K {
            Ok(v.to_string())
        })*
    };
}

impl ser::Serializer for MapKey {
    type Ok = String;
    type Error = Error;
    type SerializeSeq = ser::Impossible<String, Error>;
    type SerializeTuple = ser::Impossible<String, Error>;
    type SerializeTupleStruct = ser::Impossible<String, Error>;
    type SerializeTupleVariant = ser::Impossible<String, Error>;
    type SerializeMap = ser::Impossible<String, Error>;
    type SerializeStruct = ser::Impossible<String, Error>;
    type SerializeStructVariant = ser::Impossible<String, Error>;

    decimal_keys!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64, serialize_i128: i128,
        serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64, serialize_u128: u128, serialize_char: char);
    fn serialize_f32(self, _v: f32) -> K {
        Err(no_key())
    }
    fn serialize_f64(self, _v: f64) -> K {
        Err(no_key())
    }
    fn serialize_str(self, v: &str) -> K {
        Ok(v.to_owned())
    }
    fn serialize_bytes(self, _v: &[u8]) -> K {
        Err(no_key())
    }
    fn serialize_none(self) -> K {
        Err(no_key())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> K {
        Err(no_key())
    }
    fn serialize_unit(self) -> K {
        Err(no_key())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> K {
        Err(no_key())
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> K {
        Ok(variant.to_owned())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> K {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(self, _name: &'static str, _index: u32, _variant: &'static str, _value: &T) -> K {
        Err(no_key())
    }
    fn serialize_seq(self, _len: Option<usize>) -> std::result::Result<Self::SerializeSeq, Error> {
        Err(no_key())
    }
    fn serialize_tuple(self, _len: usize) -> std::result::Result<Self::SerializeTuple, Error> {
        Err(no_key())
    }
    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> std::result::Result<Self::SerializeTupleStruct, Error> {
        Err(no_key())
    }
    fn serialize_tuple_variant(self, _name: &'static str, _index: u32, _variant: &'static str, _len: usize) -> std::result::Result<Self::SerializeTupleVariant, Error> {
        Err(no_key())
    }
    fn serialize_map(self, _len: Option<usize>) -> std::result::Result<Self::SerializeMap, Error> {
        Err(no_key())
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> std::result::Result<Self::SerializeStruct, Error> {
        Err(no_key())
    }
    fn serialize_struct_variant(self, _name: &'static str, _index: u32, _variant: &'static str, _len: usize) -> std::result::Result<Self::SerializeStructVariant, Error> {
        Err(no_key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize)]
    #[serde(tag = "type")]
    enum Node {
        Leaf { value: f64, name: Option<String> },
        Pair { left: Box<Node>, right: Box<Node>, flag: bool },
    }

    #[test]
    fn shapes_are_numbered_once_and_strings_sent_once() {
        let n = Node::Pair {
            left: Box::new(Node::Leaf { value: 1.0, name: Some("é".into()) }),
            right: Box::new(Node::Leaf { value: -0.5, name: Some("é".into()) }),
            flag: true,
        };
        let (mut shapes, mut tape) = (Shapes::default(), Tape::default());
        write(&n, &mut shapes, &mut tape).unwrap();
        assert_eq!(shapes.len(), 2);
        assert_eq!(shapes.definitions_since(0).unwrap(), r#"[["type","value","name"],["type","left","right","flag"]]"#);
        assert_eq!(tape.strings, "PairLeafé");
        // The second call adds no shape.
        write(&n, &mut shapes, &mut tape).unwrap();
        assert_eq!(shapes.definitions_since(2), None);
        // Pair: OBJECT id 1, "Pair" new (4 units), Leaf: OBJECT id 0, ...
        assert_eq!(&tape.bytes[..8], &[tag::OBJECT, 1, 0, tag::STR_NEW, 4, tag::OBJECT, 0, 0]);
    }

    #[test]
    fn non_finite_numbers_are_null_like_serde_json() {
        let (mut shapes, mut tape) = (Shapes::default(), Tape::default());
        write(&vec![f64::NAN, f64::INFINITY, -0.0, 3.0, 1e300], &mut shapes, &mut tape).unwrap();
        let mut want = vec![tag::ARRAY, tag::NULL, tag::NULL, tag::F64];
        want.extend_from_slice(&(-0.0f64).to_le_bytes());
        want.extend_from_slice(&[tag::UINT, 3, tag::F64]);
        want.extend_from_slice(&1e300f64.to_le_bytes());
        want.push(tag::END);
        assert_eq!(tape.bytes, want);
    }
}
