package org.talentindex.framework;

import java.util.List;
import java.util.Map;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/** English names for Chinese divisions that have none in the data: the pinyin of the name without its administrative suffix. */
final class PinyinNames {

    private static final List<String> SUFFIXES = List.of("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区",
            "自治州", "地区", "省", "市", "盟");

    private static final Map<String, String> EXONYMS = Map.of(
            "香港", "Hong Kong", "澳门", "Macao", "内蒙古", "Inner Mongolia", "陕西", "Shaanxi");

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_U_UNICODE);
    }

    private PinyinNames() {
    }

    static String english(String chineseName) {
        String stem = chineseName;
        for (String suffix : SUFFIXES) {
            if (stem.length() > suffix.length() + 1 && stem.endsWith(suffix)) {
                stem = stem.substring(0, stem.length() - suffix.length());
                break;
            }
        }
        String exonym = EXONYMS.get(stem);
        if (exonym != null) {
            return exonym;
        }
        try {
            StringBuilder pinyin = new StringBuilder();
            for (char character : stem.toCharArray()) {
                String[] readings = PinyinHelper.toHanyuPinyinStringArray(character, FORMAT);
                pinyin.append(readings == null || readings.length == 0 ? String.valueOf(character) : readings[0]);
            }
            return pinyin.isEmpty() ? chineseName : Character.toUpperCase(pinyin.charAt(0)) + pinyin.substring(1);
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
    }
}
