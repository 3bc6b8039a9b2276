// SPDX-License-Identifier: GPL-2.0-only
/* Bitmap operations and text forms; models lib/bitmap.c, lib/bitmap-str.c
 * and lib/find_bit.c. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "lib/bitmap.h"

/* models lib/find_bit.c:_find_next_bit(); invert 0 looks for a set bit,
 * ~0UL for a clear one */
static unsigned int find_next(const unsigned long *map, unsigned int nbits,
			      unsigned int start, unsigned long invert)
{
	unsigned long word;

	if (start >= nbits)
		return nbits;
	word = (map[start / BITS_PER_LONG] ^ invert) & (~0UL << (start % BITS_PER_LONG));
	start -= start % BITS_PER_LONG;
	while (!word) {
		start += BITS_PER_LONG;
		if (start >= nbits)
			return nbits;
		word = map[start / BITS_PER_LONG] ^ invert;
	}
	start += __builtin_ctzl(word);
	return start < nbits ? start : nbits;
}

unsigned int find_next_bit(const unsigned long *map, unsigned int nbits,
			   unsigned int start)
{
	return find_next(map, nbits, start, 0);
}

unsigned int find_next_zero_bit(const unsigned long *map, unsigned int nbits,
				unsigned int start)
{
	return find_next(map, nbits, start, ~0UL);
}

/* Mask of the valid bits in the last word of an nbits bitmap. */
static unsigned long last_word_mask(unsigned int nbits)
{
	return nbits % BITS_PER_LONG ? (1UL << (nbits % BITS_PER_LONG)) - 1 : ~0UL;
}

/* models lib/hweight.c:__sw_hweight64(): without -mpopcnt,
 * __builtin_popcountl() is a call into libgcc; this is a few inline ops */
static unsigned int word_weight(unsigned long v)
{
#if defined(__POPCNT__) || __SIZEOF_LONG__ != 8
	return (unsigned int)__builtin_popcountl(v);
#else
	v -= (v >> 1) & 0x5555555555555555UL;
	v = (v & 0x3333333333333333UL) + ((v >> 2) & 0x3333333333333333UL);
	v = (v + (v >> 4)) & 0x0f0f0f0f0f0f0f0fUL;
	return (unsigned int)((v * 0x0101010101010101UL) >> 56);
#endif
}

/* models lib/bitmap.c:__bitmap_weight(); CPU masks are mostly empty words */
unsigned int bitmap_weight(const unsigned long *map, unsigned int nbits)
{
	unsigned int i, w = 0, n = BITS_TO_LONGS(nbits);

	for (i = 0; i + 1 < n; i++)
		if (map[i])
			w += word_weight(map[i]);
	if (n)
		w += word_weight(map[n - 1] & last_word_mask(nbits));
	return w;
}

bool bitmap_empty(const unsigned long *map, unsigned int nbits)
{
	return find_next_bit(map, nbits, 0) == nbits;
}

void bitmap_zero(unsigned long *map, unsigned int nbits)
{
	memset(map, 0, BITS_TO_LONGS(nbits) * sizeof(unsigned long));
}

/* models include/linux/bitmap.h:bitmap_fill(): bits past nbits stay clear */
void bitmap_fill(unsigned long *map, unsigned int nbits)
{
	unsigned int n = BITS_TO_LONGS(nbits);

	if (!n)
		return;
	memset(map, 0xff, n * sizeof(unsigned long));
	map[n - 1] &= last_word_mask(nbits);
}

void bitmap_and(unsigned long *dst, const unsigned long *a,
		const unsigned long *b, unsigned int nbits)
{
	for (unsigned int i = 0; i < BITS_TO_LONGS(nbits); i++)
		dst[i] = a[i] & b[i];
}

void bitmap_or(unsigned long *dst, const unsigned long *a,
	       const unsigned long *b, unsigned int nbits)
{
	for (unsigned int i = 0; i < BITS_TO_LONGS(nbits); i++)
		dst[i] = a[i] | b[i];
}

/* Applies op to each word pair (last word masked) and reports whether any
 * word made it true: the shared walk of equal/subset/intersects. */
static inline __attribute__((always_inline)) bool
any_word(const unsigned long *a, const unsigned long *b, unsigned int nbits,
	 unsigned long (*op)(unsigned long, unsigned long))
{
	unsigned int n = BITS_TO_LONGS(nbits);

	if (!n)
		return false;
	/* inlined with op known: no call per word */
	for (unsigned int i = 0; i + 1 < n; i++)
		if (op(a[i], b[i]))
			return true;
	return op(a[n - 1], b[n - 1]) & last_word_mask(nbits);
}

static unsigned long word_xor(unsigned long a, unsigned long b) { return a ^ b; }
static unsigned long word_andnot(unsigned long a, unsigned long b) { return a & ~b; }
static unsigned long word_and(unsigned long a, unsigned long b) { return a & b; }

bool bitmap_equal(const unsigned long *a, const unsigned long *b, unsigned int nbits)
{
	return !any_word(a, b, nbits, word_xor);
}

bool bitmap_subset(const unsigned long *a, const unsigned long *b, unsigned int nbits)
{
	return !any_word(a, b, nbits, word_andnot);
}

bool bitmap_intersects(const unsigned long *a, const unsigned long *b,
		       unsigned int nbits)
{
	return any_word(a, b, nbits, word_and);
}

/* Parses a decimal number at *p; fails without digits or on overflow. */
static int parse_uint(const char **p, unsigned int *val)
{
	unsigned long long v = 0;
	const char *s = *p;

	if (!isdigit((unsigned char)*s))
		return -EINVAL;
	while (isdigit((unsigned char)*s)) {
		v = v * 10 + (unsigned)(*s - '0');
		if (v > 0xffffffffULL)
			return -EOVERFLOW;
		s++;
	}
	*val = (unsigned int)v;
	*p = s;
	return 0;
}

static void skip_spaces(const char **p)
{
	while (isspace((unsigned char)**p))
		(*p)++;
}

/* models lib/bitmap-str.c:bitmap_parselist() */
int bitmap_parselist(const char *buf, unsigned long *map, unsigned int nbits,
		     size_t *errpos)
{
	const char *p = buf, *region;
	int ret;

	bitmap_zero(map, nbits);
	skip_spaces(&p);
	while (*p) {
		unsigned int start, end, off = 1, grp = 1;

		region = p;
		ret = parse_uint(&p, &start);
		if (ret)
			goto bad;
		end = start;
		if (*p == '-') {
			p++;
			ret = parse_uint(&p, &end);
			if (ret)
				goto bad;
			if (*p == ':') {
				p++;
				if ((ret = parse_uint(&p, &off)) || *p != '/') {
					ret = ret ? ret : -EINVAL;
					goto bad;
				}
				p++;
				if ((ret = parse_uint(&p, &grp)))
					goto bad;
			}
		}
		if (start > end || grp == 0 || off > grp) {
			ret = -EINVAL;
			p = region;
			goto bad;
		}
		if (end >= nbits) {
			ret = -ERANGE;
			p = region;
			goto bad;
		}
		for (unsigned int b = start; b <= end; b++)
			if ((b - start) % grp < off)
				__set_bit(b, map);
		skip_spaces(&p);
		if (*p == ',') {
			p++;
			skip_spaces(&p);
			if (!*p) {
				ret = -EINVAL;
				goto bad;
			}
		} else if (*p) {
			ret = -EINVAL;
			goto bad;
		}
	}
	return 0;
bad:
	if (errpos)
		*errpos = (size_t)(p - buf);
	return ret == -EOVERFLOW ? -ERANGE : ret;
}

/* Appends to buf like snprintf, tracking the full length in *len. */
static void emit(char *buf, size_t size, int *len, const char *fmt,
		 unsigned int a, unsigned int b)
{
	size_t used = (size_t)*len < size ? (size_t)*len : size;

	*len += snprintf(buf ? buf + used : NULL, buf ? size - used : 0, fmt, a, b);
}

/* models lib/vsprintf.c:bitmap_list_string() ("%*pbl") */
int bitmap_print_list(char *buf, size_t size, const unsigned long *map,
		      unsigned int nbits)
{
	int len = 0;
	unsigned int cur = find_next_bit(map, nbits, 0);
	bool first = true;

	if (buf && size)
		buf[0] = '\0';
	while (cur < nbits) {
		unsigned int end = cur;

		while (end + 1 < nbits && test_bit(end + 1, map))
			end++;
		if (end == cur)
			emit(buf, size, &len, first ? "%u" : ",%u", cur, 0);
		else
			emit(buf, size, &len, first ? "%u-%u" : ",%u-%u", cur, end);
		first = false;
		cur = find_next_bit(map, nbits, end + 1);
	}
	return len;
}

/* models lib/vsprintf.c:bitmap_string() ("%*pb") */
int bitmap_print_mask(char *buf, size_t size, const unsigned long *map,
		      unsigned int nbits)
{
	int len = 0;
	int groups = nbits ? (int)((nbits + 31) / 32) : 0;

	if (buf && size)
		buf[0] = '\0';
	for (int g = groups - 1; g >= 0; g--) {
		unsigned int bit = (unsigned int)g * 32;
		unsigned long word = map[bit / BITS_PER_LONG] >> (bit % BITS_PER_LONG);
		unsigned int chunk = nbits - bit < 32 ? nbits - bit : 32;
		unsigned int v = (unsigned int)(word & (chunk == 32 ? 0xffffffffUL
						       : (1UL << chunk) - 1));

		if (g == groups - 1)
			emit(buf, size, &len, "%0*x", (chunk + 3) / 4, v);
		else
			emit(buf, size, &len, ",%08x", v, 0);
	}
	return len;
}
