/**
 * A modal dialog around one form: OK checks the form's own rules, then awaits `onSubmit`
 * with the values while the OK button spins. When `onSubmit` throws, the server's field
 * problems go under the fields they name (lib/form-errors.ts) and the rest shows at the top.
 * Cancel and a successful submit clear the form and the message.
 */
import { Alert, Form, Modal, type FormInstance, type FormProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { applyApiError, validValues } from '@/lib/form-errors';
import { useT } from '@/lib/i18n';

export interface FormModalProps<T> {
  title: ReactNode;
  okText: ReactNode;
  /** Saves the checked values; a throw (usually an ApiError) keeps the modal open with its problems shown. */
  onSubmit: (values: T) => Promise<void>;
  onClose: () => void;
  open?: boolean;
  /** Pass one from Form.useForm when the fields need it (Form.useWatch, setFieldsValue); else the modal makes its own. */
  form?: FormInstance<T>;
  initialValues?: FormProps<T>['initialValues'];
  /** Further props of the Form (preserve, onValuesChange, …). */
  formProps?: Omit<FormProps<T>, 'form' | 'layout' | 'initialValues' | 'onFinish' | 'children'>;
  width?: number;
  destroyOnHidden?: boolean;
  /** Submitting the form itself (Enter) submits as OK does. */
  submitOnEnter?: boolean;
  /** Shown above the error message and the fields. */
  notice?: ReactNode;
  children: ReactNode;
}

export function FormModal<T>({
  title, okText, onSubmit, onClose, open = true, form: given, initialValues, formProps, width, destroyOnHidden, submitOnEnter, notice, children,
}: FormModalProps<T>) {
  const t = useT();
  const [form] = Form.useForm<T>(given);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const reset = () => {
    form.resetFields();
    setProblem(null);
  };

  const submit = async () => {
    const values = await validValues(form);
    if (!values) return;
    setBusy(true);
    setProblem(null);
    try {
      await onSubmit(values);
      reset();
    } catch (error) {
      setProblem(applyApiError(form, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t('取消')}
      confirmLoading={busy}
      onOk={submit}
      onCancel={() => {
        reset();
        onClose();
      }}
      width={width}
      destroyOnHidden={destroyOnHidden}
    >
      {notice}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form<T> {...formProps} form={form} layout="vertical" initialValues={initialValues} onFinish={submitOnEnter ? submit : undefined}>
        {children}
      </Form>
    </Modal>
  );
}
