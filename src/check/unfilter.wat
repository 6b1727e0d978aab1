;; PNG's None and Up filters undone with 16-byte SIMD adds (src/check/unfilter.ts embeds the
;; compiled module: `npm run wasm` rebuilds it from this file).
;;
;; unfilter(src, dst, stride, height) reads `height` filtered rows at `src` (a filter byte, then
;; `stride` bytes each) and writes the pixel rows to `dst` (`stride` bytes each). It stops at the
;; first row with another filter and returns how many rows it wrote.
(module
  (memory (export "memory") 1)
  (func (export "unfilter") (param $src i32) (param $dst i32) (param $stride i32) (param $height i32) (result i32)
    (local $y i32) (local $i i32) (local $wide i32) (local $filter i32) (local $above i32)
    ;; The bytes a row can add 16 at a time.
    (local.set $wide (i32.and (local.get $stride) (i32.const -16)))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $y) (local.get $height)))
        (local.set $filter (i32.load8_u (local.get $src)))
        (if (i32.or (i32.eqz (local.get $filter))
                    (i32.and (i32.eq (local.get $filter) (i32.const 2)) (i32.eqz (local.get $y))))
          (then
            ;; None, or Up on the first row (nothing above): the bytes are the pixels.
            (memory.copy (local.get $dst) (i32.add (local.get $src) (i32.const 1)) (local.get $stride)))
          (else
            (br_if $done (i32.ne (local.get $filter) (i32.const 2)))
            ;; Up: each byte plus the byte above it, modulo 256.
            (local.set $above (i32.sub (local.get $dst) (local.get $stride)))
            (local.set $i (i32.const 0))
            (block $wide_done
              (loop $wide_bytes
                (br_if $wide_done (i32.ge_u (local.get $i) (local.get $wide)))
                (v128.store align=1
                  (i32.add (local.get $dst) (local.get $i))
                  (i8x16.add
                    (v128.load offset=1 align=1 (i32.add (local.get $src) (local.get $i)))
                    (v128.load align=1 (i32.add (local.get $above) (local.get $i)))))
                (local.set $i (i32.add (local.get $i) (i32.const 16)))
                (br $wide_bytes)))
            (block $tail_done
              (loop $tail_bytes
                (br_if $tail_done (i32.ge_u (local.get $i) (local.get $stride)))
                (i32.store8
                  (i32.add (local.get $dst) (local.get $i))
                  (i32.add
                    (i32.load8_u offset=1 (i32.add (local.get $src) (local.get $i)))
                    (i32.load8_u (i32.add (local.get $above) (local.get $i)))))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $tail_bytes)))))
        (local.set $src (i32.add (local.get $src) (i32.add (local.get $stride) (i32.const 1))))
        (local.set $dst (i32.add (local.get $dst) (local.get $stride)))
        (local.set $y (i32.add (local.get $y) (i32.const 1)))
        (br $rows)))
    (local.get $y)))
