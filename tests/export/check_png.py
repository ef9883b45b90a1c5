"""Checks that a PNG screenshot is not blank: decodes it (stdlib only) and counts
pixels that are neither white nor the page background. Usage: check_png.py FILE MIN"""
import struct
import sys
import zlib


def pixels(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{path} is not a PNG")
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", body[:10])
            if depth != 8 or color not in (2, 6):
                raise SystemExit(f"unexpected PNG format depth={depth} color={color}")
            bpp = 3 if color == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    prev = bytearray(stride)
    rows = []
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def main():
    path, minimum = sys.argv[1], int(sys.argv[2])
    width, height, bpp, rows = pixels(path)
    # Only the drawing area: the right part of the page, beside the side panel.
    left = width * 2 // 5
    coloured = 0
    for row in rows:
        for x in range(left, width):
            r, g, b = row[x * bpp:x * bpp + 3]
            if max(r, g, b) - min(r, g, b) > 40:
                coloured += 1
    if coloured < minimum:
        raise SystemExit(f"{path}: only {coloured} coloured pixels in the drawing, expected at least {minimum}")
    print(f"{path}: {coloured} coloured pixels")


main()
